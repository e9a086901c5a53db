package org.harmonyee.dicom.io;

import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.data.Values;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one value where the reader stands: into memory (little endian), charged to the read's
 * {@link ReadBudget} first, or, for a binary value (OB, OD, OF, OL, OV, OW, UN, fragments) of a
 * file at or above the bulk data threshold, as a {@link BulkData} reference that skips the bytes.
 */
final class ValueReader {

    private static final int CHUNK = 64 * 1024;

    private final ByteSource source;
    private Path file;
    private long size;
    private final long bulkDataThreshold;
    private final ReadBudget budget;

    /** {@code file} and {@code size}: null and -1 for a stream. */
    ValueReader(ByteSource source, Path file, long size, long bulkDataThreshold, ReadBudget budget) {
        this.source = source;
        this.file = file;
        this.size = size;
        this.bulkDataThreshold = bulkDataThreshold;
        this.budget = budget;
    }

    /** The rest is inflated: its offsets are not the file's, and its size is unknown. */
    void inflating() {
        file = null;
        size = -1;
    }

    /** A value: bytes (little endian) or, for a large value of a file, a reference. */
    Object read(int tag, VR vr, long length, boolean bigEndian) throws IOException {
        checkLength(length, TagUtils.toString(tag));
        if (file != null && length >= bulkDataThreshold && isBulk(vr)) {
            BulkData bulk = new BulkData(file, source.position(), length, bigEndian);
            source.skip(length);
            return bulk;
        }
        budget.charge(length, source.position(), tag);
        byte[] bytes = size >= 0 ? readExactly(tag, length) : readChunked(tag, length);
        if (bigEndian && vr.needsByteSwap()) {
            Values.swap(bytes, vr.swapSize());
        }
        return bytes;
    }

    /** A value of a file whose size was checked against the length: allocated once. */
    private byte[] readExactly(int tag, long length) throws IOException {
        byte[] bytes = new byte[(int) length];
        int n = source.readUpTo(bytes, bytes.length);
        if (n < length) {
            throw new DicomStreamException(source.position(), TagUtils.toString(tag), "truncated: " + (length - n)
                    + " of " + length + " value bytes are missing");
        }
        return bytes;
    }

    /** A value of a stream, whose length may be a lie: no more is allocated than arrives. */
    private byte[] readChunked(int tag, long length) throws IOException {
        ByteArrayOutputStream value = new ByteArrayOutputStream((int) Math.min(length, CHUNK));
        byte[] chunk = new byte[(int) Math.min(length, CHUNK)];
        long remaining = length;
        while (remaining > 0) {
            int n = source.readUpTo(chunk, (int) Math.min(chunk.length, remaining));
            if (n == 0) {
                throw new DicomStreamException(source.position(), TagUtils.toString(tag), "truncated: " + remaining
                        + " of " + length + " value bytes are missing");
            }
            value.write(chunk, 0, n);
            remaining -= n;
        }
        return value.toByteArray();
    }

    /** Binary VRs only: text and numbers stay in memory, where their typed getters and JSON's Value need them. */
    private static boolean isBulk(VR vr) {
        return vr == VR.OB || vr == VR.OD || vr == VR.OF || vr == VR.OL || vr == VR.OV || vr == VR.OW || vr == VR.UN;
    }

    /** Refuses a length that cannot be: more than the file has left, or more than an array can hold. */
    void checkLength(long length, String tag) throws DicomStreamException {
        if (length > Integer.MAX_VALUE - 8 || size >= 0 && source.position() + length > size) {
            throw new DicomStreamException(source.position(), tag, "declared length " + length
                    + " exceeds the bytes that remain" + (size >= 0 ? " (" + (size - source.position()) + ")" : ""));
        }
    }
}
