package org.harmonyee.core.content;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Renders a {@link ResultStream} as an HTTP body that is produced while it is read, one result at
 * a time: a JSON array of the results' JSON views, or a multipart/related body of their parts
 * (RFC 2387). The body's stream reports nothing {@link InputStream#available() available} between
 * results, so a door that flushes then sends each result as it arrives. Closing the body closes
 * the results (cancelling upstream).
 */
public final class ResultRendering {

    private static final byte[] CRLF = {'\r', '\n'};

    private ResultRendering() {
    }

    /** {@code [r1,r2,...]}: each result's JSON view; a result without one is an error of the pipeline. */
    public static Body jsonArray(ResultStream results) {
        return Body.stream(new ResultInputStream(results, new Segments() {
            private boolean first = true;

            @Override
            public byte[] opening() {
                return new byte[]{'['};
            }

            @Override
            public InputStream of(Result result) {
                byte[] json = Json.bytes(result.jsonView().orElseThrow(() -> new IllegalStateException(
                        "a result without a JSON view cannot be rendered in a JSON array")));
                byte[] separator = first ? new byte[0] : new byte[]{','};
                first = false;
                return new SequenceInputStream(new ByteArrayInputStream(separator), new ByteArrayInputStream(json));
            }

            @Override
            public byte[] closing() {
                return new byte[]{']'};
            }
        }), -1);
    }

    /**
     * One part per result, each with the result's headers and body; a JSON-only result is a part of
     * type {@code application/json}.
     */
    public static Body multipart(ResultStream results, String boundary) {
        byte[] delimiter = ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return Body.stream(new ResultInputStream(results, new Segments() {
            @Override
            public byte[] opening() {
                return new byte[0];
            }

            @Override
            public InputStream of(Result result) {
                StringBuilder head = new StringBuilder(new String(delimiter, StandardCharsets.US_ASCII));
                result.headers().forEach((name, values) -> values.forEach(v -> head.append(name).append(": ")
                        .append(v).append("\r\n")));
                InputStream content = result.body().open();
                if (result.body().length() == 0 && result.jsonView().isPresent()) {
                    if (!result.headers().contains("Content-Type")) {
                        head.append("Content-Type: application/json\r\n");
                    }
                    content = new ByteArrayInputStream(Json.bytes(result.jsonView().get()));
                }
                head.append("\r\n");
                return new SequenceInputStream(new SequenceInputStream(
                        new ByteArrayInputStream(head.toString().getBytes(StandardCharsets.UTF_8)), content),
                        new ByteArrayInputStream(CRLF));
            }

            @Override
            public byte[] closing() {
                return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            }
        }), -1);
    }

    /** How one rendering frames the results. */
    private interface Segments {
        byte[] opening();

        InputStream of(Result result);

        byte[] closing();
    }

    /** Pulls the next result only when the bytes of the one before have been read. */
    private static final class ResultInputStream extends InputStream {
        private final ResultStream results;
        private final Segments segments;
        private InputStream current;
        private boolean finished;

        ResultInputStream(ResultStream results, Segments segments) {
            this.results = results;
            this.segments = segments;
            this.current = new ByteArrayInputStream(segments.opening());
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (true) {
                int n = current.read(buffer, offset, length);
                if (n > 0 || length == 0) {
                    return n;
                }
                current.close();
                if (finished) {
                    return -1;
                }
                Optional<Result> next = results.next();
                if (next.isPresent()) {
                    current = segments.of(next.get());
                } else {
                    finished = true;
                    current = new ByteArrayInputStream(segments.closing());
                }
            }
        }

        @Override
        public int available() throws IOException {
            return current.available();
        }

        @Override
        public void close() throws IOException {
            current.close();
            results.close();
        }
    }
}
