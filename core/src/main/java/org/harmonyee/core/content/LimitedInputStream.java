package org.harmonyee.core.content;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code limit} bytes of a body and fails with 413 as soon as one more arrives, so
 * an oversized body is never read to its end. The failure travels as the cause of an IOException
 * when a library reads the stream; {@link BodyLimit#unwrap} finds it again.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        advance(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new IOException(BodyLimit.tooLarge(limit));
        }
    }

    static GatewayException problem(long limit) {
        return new GatewayException(ProblemType.PAYLOAD_TOO_LARGE,
                "the body exceeds max_body_size (" + limit + " bytes)");
    }
}
