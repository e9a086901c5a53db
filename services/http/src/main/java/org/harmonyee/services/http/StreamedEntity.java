package org.harmonyee.services.http;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A request body sent to a target while the caller sends it: each time the caller's stream has
 * nothing more at hand the bytes so far are flushed to the target (as the door flushes answers), so
 * a slow upload's first part (a STOW-RS instance) reaches the target before its last is sent, instead
 * of waiting in the connection's buffers. Of unknown length it goes chunked.
 */
final class StreamedEntity extends AbstractHttpEntity {

    private static final int BUFFER = 64 * 1024;

    private final InputStream content;
    private final long length;

    StreamedEntity(InputStream content, long length) {
        super((ContentType) null, null, length < 0);
        this.content = content;
        this.length = length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long remaining = length < 0 ? Long.MAX_VALUE : length;
        try (InputStream in = content) {
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                remaining -= n;
                if (in.available() == 0) {
                    out.flush();
                }
            }
        }
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public InputStream getContent() {
        return content;
    }

    @Override
    public boolean isStreaming() {
        return true;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
