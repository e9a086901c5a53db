package org.harmonyee.dicom.net.peers;

import org.harmonyee.dicom.io.FileMetaInformation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Compares PS3.10 files by their data set bytes (everything after the File Meta Information). */
public final class DataSetBytes {

    private DataSetBytes() {
    }

    /** -1 when the data sets are byte-identical, else the offset of the first difference. */
    public static long mismatch(Path expected, Path actual) throws IOException {
        try (InputStream a = open(expected); InputStream b = open(actual)) {
            byte[] bufferA = new byte[65536];
            byte[] bufferB = new byte[65536];
            long offset = 0;
            while (true) {
                int n = a.readNBytes(bufferA, 0, bufferA.length);
                int m = b.readNBytes(bufferB, 0, bufferB.length);
                int limit = Math.min(n, m);
                for (int i = 0; i < limit; i++) {
                    if (bufferA[i] != bufferB[i]) {
                        return offset + i;
                    }
                }
                if (n != m) {
                    return offset + limit;
                }
                if (n == 0) {
                    return -1;
                }
                offset += n;
            }
        }
    }

    /** The files under {@code directory} by the SOP Instance UID of their meta information. */
    public static Map<String, Path> bySopInstance(Path directory) throws IOException {
        Map<String, Path> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(FileMetaInformation.read(path).mediaStorageSopInstanceUid(), path);
            }
        }
        return files;
    }

    private static InputStream open(Path file) throws IOException {
        long dataSetOffset = FileMetaInformation.read(file).dataSetOffset();
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536);
        in.skipNBytes(dataSetOffset);
        return in;
    }
}
