package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.DataWriter;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends a stored PS3.10 file in an accepted context: byte for byte when the context has the file's
 * transfer syntax, else converted between native syntaxes, pixel data and other large values
 * copied from the file ({@link org.harmonyee.dicom.data.BulkData}), never loaded.
 */
final class InstanceWriter {

    private static final long BULK_DATA_THRESHOLD = 64 * 1024;
    private static final List<String> NATIVE_SYNTAXES = List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian,
            UID.ExplicitVRBigEndian);

    private InstanceWriter() {
    }

    /** The context to send {@code header}'s instance in, or null: its own syntax first, else a native one. */
    static PresentationContext context(Association association, FileMetaInformation.Header header) {
        PresentationContext exact = association.acceptedContext(header.sopClassUid(), header.transferSyntax());
        if (exact != null || !TransferSyntax.of(header.transferSyntax()).isNative()) {
            return exact;
        }
        for (String ts : NATIVE_SYNTAXES) {
            PresentationContext converted = association.acceptedContext(header.sopClassUid(), ts);
            if (converted != null) {
                return converted;
            }
        }
        return null;
    }

    static DataWriter writer(Path file, FileMetaInformation.Header header, String transferSyntax) {
        if (header.transferSyntax().equals(transferSyntax)) {
            return out -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                    in.skipNBytes(header.dataSetOffset());
                    in.transferTo(out);
                }
            };
        }
        return out -> {
            Attributes dataSet;
            try (DicomInputStream in = DicomInputStream.open(file).bulkDataThreshold(BULK_DATA_THRESHOLD)) {
                dataSet = in.readDataset();
            }
            new DicomOutputStream(out).writeDataset(dataSet, TransferSyntax.of(transferSyntax));
        };
    }
}
