package org.harmonyee.services.jmix.format;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The start of an instance, kept while its header is parsed so that the same bytes can then be
 * written out: the header names the zip entry, which must be opened before its first byte. Holds
 * only what the parser read (the attributes before the series UID and what it buffered), never
 * more than its limit.
 */
final class RecordingInputStream extends FilterInputStream {

    /** The header is larger than the limit. */
    static final class HeaderTooLarge extends IOException {
        HeaderTooLarge(String message) {
            super(message);
        }
    }

    private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
    private final int limit;

    RecordingInputStream(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            record(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            record(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Writes what was read so far; the rest is read from the original stream. */
    void replayTo(OutputStream out) throws IOException {
        recorded.writeTo(out);
    }

    private void record(byte[] bytes, int offset, int length) throws IOException {
        if (recorded.size() + length > limit) {
            throw new HeaderTooLarge("the instance's header is larger than " + limit + " bytes before its SeriesInstanceUID");
        }
        recorded.write(bytes, offset, length);
    }
}
