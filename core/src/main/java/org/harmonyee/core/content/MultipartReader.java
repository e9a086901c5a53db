package org.harmonyee.core.content;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parts of a multipart body (RFC 7578 / RFC 2046) as a stream: part headers, then the
 * part's content into a sink, one byte window at a time; nothing of a part is kept unless the
 * sink keeps it. Truncated or malformed bodies are 400.
 */
final class MultipartReader {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private boolean finished;

    MultipartReader(InputStream in, String boundary) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Skips the preamble; false if the body holds no delimiter at all. */
    boolean start() throws IOException {
        byte[] first = new byte[delimiter.length - 2];
        System.arraycopy(delimiter, 2, first, 0, first.length);
        if (!startsWith(first)) {
            if (!copyUntilDelimiter(OutputStream.nullOutputStream())) {
                return false;
            }
        }
        return afterDelimiter();
    }

    /** Whether another part follows. */
    boolean hasPart() {
        return !finished;
    }

    /** The next part's headers, names in lower case. */
    Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw truncated();
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new GatewayException(ProblemType.MALFORMED_REQUEST, "multipart part headers are too long");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
                line.reset();
                if (text.isEmpty()) {
                    return headers;
                }
                int colon = text.indexOf(':');
                if (colon <= 0) {
                    throw new GatewayException(ProblemType.MALFORMED_REQUEST, "malformed multipart part header: " + text);
                }
                headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
            } else {
                line.write(b);
            }
        }
    }

    /** Copies the current part's content to {@code sink}, up to the next delimiter. */
    void content(OutputStream sink) throws IOException {
        if (!copyUntilDelimiter(sink)) {
            throw truncated();
        }
        afterDelimiter();
    }

    /**
     * Streams bytes to the sink until the delimiter. The delimiter starts with CR and a boundary
     * cannot contain CR or LF, so a failed partial match can only restart at a new CR: no
     * back-tracking table is needed.
     */
    private boolean copyUntilDelimiter(OutputStream sink) throws IOException {
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            if (b == (delimiter[matched] & 0xFF)) {
                if (++matched == delimiter.length) {
                    return true;
                }
                continue;
            }
            if (matched > 0) {
                sink.write(delimiter, 0, matched);
                matched = 0;
                if (b == (delimiter[0] & 0xFF)) {
                    matched = 1;
                    continue;
                }
            }
            sink.write(b);
        }
    }

    /** After a delimiter: "--" ends the body, CRLF starts a part; transport padding is skipped. */
    private boolean afterDelimiter() throws IOException {
        int first = in.read();
        int second = in.read();
        if (first == '-' && second == '-') {
            finished = true;
            return true;
        }
        while (first == ' ' || first == '\t') {
            first = second;
            second = in.read();
        }
        if (first == '\r' && second == '\n') {
            return true;
        }
        throw truncated();
    }

    private boolean startsWith(byte[] expected) throws IOException {
        in.mark(expected.length);
        for (byte b : expected) {
            if (in.read() != (b & 0xFF)) {
                in.reset();
                return false;
            }
        }
        return true;
    }

    private static GatewayException truncated() {
        return new GatewayException(ProblemType.MALFORMED_REQUEST, "truncated or malformed multipart body");
    }
}
