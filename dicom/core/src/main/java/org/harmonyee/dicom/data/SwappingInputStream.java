package org.harmonyee.dicom.data;

import java.io.IOException;
import java.io.InputStream;

/** Reverses the byte order of each unit of {@code unit} bytes of the stream under it. */
final class SwappingInputStream extends InputStream {

    private final InputStream in;
    private final int unit;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    SwappingInputStream(InputStream in, int unit) {
        this.in = in;
        this.unit = unit;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    /** Refills with whole units (a trailing partial unit as it is); false at the end. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        limit = in.readNBytes(buffer, 0, buffer.length - buffer.length % unit);
        position = 0;
        Values.swap(buffer, limit, unit);
        return limit > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
