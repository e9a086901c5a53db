package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.DataWriter;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
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
            UID.DeflatedExplicitVRLittleEndian, UID.ExplicitVRBigEndian);

    private InstanceWriter() {
    }

    /** The context to send {@code meta}'s instance in, or null: its own syntax first, else a native one. */
    static PresentationContext context(Association association, FileMetaInformation meta) {
        PresentationContext exact = association.acceptedContext(meta.mediaStorageSopClassUid(), meta.transferSyntaxUid());
        if (exact != null || !TransferSyntax.of(meta.transferSyntaxUid()).isNative()) {
            return exact;
        }
        for (String ts : NATIVE_SYNTAXES) {
            PresentationContext converted = association.acceptedContext(meta.mediaStorageSopClassUid(), ts);
            if (converted != null) {
                return converted;
            }
        }
        return null;
    }

    /** The data set in {@code transferSyntax}; a deflated one padded to even length (PS3.5 A.5). */
    static DataWriter writer(Path file, FileMetaInformation meta, String transferSyntax) {
        DataWriter writer = meta.transferSyntaxUid().equals(transferSyntax) ? copy(file, meta) : convert(file, transferSyntax);
        if (!TransferSyntax.of(transferSyntax).deflated()) {
            return writer;
        }
        return out -> {
            long[] count = new long[1];
            writer.writeTo(new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    count[0] += length;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    count[0]++;
                }

                @Override
                public void close() {
                    // the P-DATA stream is closed by the association
                }
            });
            if ((count[0] & 1) != 0) {
                out.write(0);
            }
        };
    }

    private static DataWriter copy(Path file, FileMetaInformation meta) {
        return out -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                in.skipNBytes(meta.dataSetOffset());
                in.transferTo(out);
            }
        };
    }

    private static DataWriter convert(Path file, String transferSyntax) {
        return out -> {
            Attributes dataSet;
            try (DicomInputStream in = DicomInputStream.open(file).bulkDataThreshold(BULK_DATA_THRESHOLD)) {
                dataSet = in.readDataset();
            }
            new DicomOutputStream(out).writeDataset(dataSet, TransferSyntax.of(transferSyntax));
        };
    }
}
