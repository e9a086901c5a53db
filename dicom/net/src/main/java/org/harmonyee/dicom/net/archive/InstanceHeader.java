package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomStreamException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the index reads of a PS3.10 file: its data set up to, not including, Pixel Data (values
 * of 4 KiB and more before it stay in the file as bulk data references), and its transfer syntax.
 */
record InstanceHeader(Path file, Attributes dataSet, String transferSyntax) {

    private static final long BULK_DATA_THRESHOLD = 4 * 1024;
    private static final long MEMORY_LIMIT = 16L * 1024 * 1024;

    /** @throws IOException not a PS3.10 file (no File Meta Information), malformed, or unreadable */
    static InstanceHeader read(Path file) throws IOException {
        try (DicomInputStream in = DicomInputStream.open(file).bulkDataThreshold(BULK_DATA_THRESHOLD)
                .memoryLimit(MEMORY_LIMIT)) {
            if (in.fileMetaInformation() == null) {
                throw new DicomStreamException(0, null, "not a PS3.10 file: no File Meta Information");
            }
            return new InstanceHeader(file, in.readDataset(Tag.PixelData), in.transferSyntax().uid());
        }
    }
}
