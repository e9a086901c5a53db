package org.harmonyee.services.dicomweb;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream of 16-bit little endian samples read as big endian: the two bytes of each sample
 * swapped as they pass, whatever the reads' sizes (a sample split between two reads is completed
 * from the source, its second byte kept for the next read). A last odd byte passes as it is.
 */
final class SwappedShorts extends InputStream {

    private final InputStream in;
    private int pending = -1;

    SwappedShorts(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (pending >= 0) {
            int value = pending;
            pending = -1;
            return value;
        }
        int low = in.read();
        if (low < 0) {
            return -1;
        }
        int high = in.read();
        if (high < 0) {
            return low;
        }
        pending = low;
        return high;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int given = 0;
        if (pending >= 0) {
            buffer[offset] = (byte) pending;
            pending = -1;
            given = 1;
            if (length == 1) {
                return 1;
            }
        }
        int read = in.read(buffer, offset + given, length - given);
        if (read < 0) {
            return given == 0 ? -1 : given;
        }
        int start = offset + given;
        int end = start + read;
        int pairsEnd = read % 2 == 0 ? end : end - 1;
        for (int i = start; i < pairsEnd; i += 2) {
            byte low = buffer[i];
            buffer[i] = buffer[i + 1];
            buffer[i + 1] = low;
        }
        if (pairsEnd < end) {
            int high = in.read();
            if (high >= 0) {
                pending = buffer[end - 1] & 0xFF;
                buffer[end - 1] = (byte) high;
            }
        }
        return given + read;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
