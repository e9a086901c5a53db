package org.harmonyee.core.content;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a multipart body (RFC 2046: multipart/form-data, multipart/related) pulled one at a
 * time, each part's content an {@link InputStream} that ends at the part's delimiter: a consumer
 * that passes a part on as it reads it (a form's file hashed, a STOW-RS instance sent by C-STORE)
 * never holds more than this reader's 64 KiB window, and needs no thread of its own. Nothing of a
 * part is kept unless the consumer keeps it.
 *
 * <p>A body that ends before its close delimiter, or whose part headers are malformed, makes
 * {@link #next()} throw a 400 {@link GatewayException}, and the part's stream an
 * {@link IOException}; {@link #failure()} keeps the 400, so that a consumer that saw the part
 * stream fail can tell a broken request from its own failure. A body over its size limit stays
 * that 413 ({@link BodyLimit}).
 */
public final class MultipartInput {

    /** One part: header names in lower case, and the content up to the next delimiter. */
    public record Part(Map<String, String> headers, InputStream content) {
    }

    private static final int WINDOW = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int position;
    private int end;
    /** No delimiter starts in the unread bytes before this index. */
    private int searchFrom;
    private boolean exhausted;
    private boolean finished;
    private PartStream current;
    private GatewayException failure;

    /** @param boundary the body's boundary parameter, without the leading dashes */
    public MultipartInput(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[WINDOW + delimiter.length];
        // the first delimiter may start the body without a CRLF before it: read the body as if it had one
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
        current = new PartStream();
    }

    /**
     * The next part, once the previous one (or the preamble) has been read past; empty after the
     * close delimiter.
     *
     * @throws GatewayException 400 for a truncated or malformed body, 413 over the body's size limit
     */
    public Optional<Part> next() {
        try {
            current.transferTo(OutputStream.nullOutputStream());
            if (finished || afterDelimiter()) {
                finished = true;
                return Optional.empty();
            }
            Map<String, String> headers = headers();
            current = new PartStream();
            return Optional.of(new Part(headers, current));
        } catch (IOException e) {
            GatewayException limit = BodyLimit.unwrap(e);
            if (limit != null) {
                throw limit;
            }
            throw failure != null ? failure : failed("the multipart body could not be read: " + e.getMessage());
        }
    }

    /** The failure that made the body unreadable, if any. */
    public Optional<GatewayException> failure() {
        return Optional.ofNullable(failure);
    }

    /** After a delimiter: true for "--" (the close delimiter), false for CRLF (a part follows). */
    private boolean afterDelimiter() throws IOException {
        int first = read();
        int second = read();
        if (first == '-' && second == '-') {
            return true;
        }
        while (first == ' ' || first == '\t') {
            first = second;
            second = read();
        }
        if (first != '\r' || second != '\n') {
            throw failed("a multipart delimiter is followed by neither CRLF nor '--'");
        }
        return false;
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int total = 0; ; total++) {
            int b = read();
            if (b < 0) {
                throw failed("truncated multipart body: it ends inside a part's headers");
            }
            if (total > MAX_HEADER_BYTES) {
                throw failed("a multipart part's headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
            line.reset();
            if (text.isEmpty()) {
                return headers;
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw failed("malformed multipart part header: " + text);
            }
            headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
        }
    }

    /** One byte of the body, or -1 at its end. */
    private int read() throws IOException {
        if (position == end && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    /** Moves the unread bytes to the front and reads more after them; false when nothing more came. */
    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        System.arraycopy(buffer, position, buffer, 0, end - position);
        end -= position;
        searchFrom = Math.max(0, searchFrom - position);
        position = 0;
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            exhausted = true;
            return false;
        }
        end += n;
        return true;
    }

    /** Where the delimiter starts in the unread bytes, or -1. */
    private int delimiterAt() {
        outer:
        for (int i = Math.max(position, searchFrom); i <= end - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        searchFrom = Math.max(position, end - delimiter.length + 1);
        return -1;
    }

    private GatewayException failed(String detail) {
        failure = new GatewayException(ProblemType.MALFORMED_REQUEST, detail);
        return failure;
    }

    /** A part's content: the bytes before the next delimiter, which it consumes at its end. */
    private final class PartStream extends InputStream {

        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (true) {
                int at = delimiterAt();
                // without a delimiter, the last bytes may be its beginning: hold them back
                int available = at >= 0 ? at - position : Math.max(0, end - position - delimiter.length + 1);
                if (available > 0) {
                    int n = Math.min(length, available);
                    System.arraycopy(buffer, position, target, offset, n);
                    position += n;
                    return n;
                }
                if (at >= 0) {
                    position = at + delimiter.length;
                    ended = true;
                    return -1;
                }
                if (!fill()) {
                    throw new IOException(failed("truncated multipart body: it ends before its close delimiter").detail());
                }
            }
        }
    }
}
