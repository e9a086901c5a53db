package org.harmonyee.services.http;

import org.apache.hc.core5.http.io.EofSensorInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A target's response body as the caller reads it. Closed at its end, the connection goes back to
 * the pool; closed before (the caller went away, a HEAD answered from a GET, a retrieval cut short),
 * the connection is dropped at once instead of being drained, which for a study-sized answer would
 * read it whole from the target for nobody.
 */
final class UpstreamContent extends FilterInputStream {

    private boolean ended;

    UpstreamContent(InputStream content) {
        super(content);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        ended |= n < 0;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (!ended && in instanceof EofSensorInputStream sensor) {
            sensor.abort();
        } else {
            super.close();
        }
    }
}
