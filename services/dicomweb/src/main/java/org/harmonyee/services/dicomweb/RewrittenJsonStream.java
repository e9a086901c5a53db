package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.harmonyee.core.envelope.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A DICOMweb server's DICOM JSON answer (metadata, a Store Instances Response) with its URLs
 * rewritten ({@link DicomJsonUris}), produced while it is read: a read parses only as many of the
 * server's tokens as make the next chunk, and a chunk ends with each element of a top-level array,
 * so an instance's metadata goes to the caller as soon as the server has sent it. Between chunks
 * nothing is {@link #available()}, which tells the door to flush. The parser reads the server's
 * answer to its end (and so hands its connection back).
 */
final class RewrittenJsonStream extends InputStream {

    private static final int CHUNK = 64 * 1024;

    private final InputStream upstream;
    private final JsonParser parser;
    private final DicomJsonUris uris;
    private final Chunk chunk = new Chunk();
    private final JsonGenerator generator;
    private int position;
    private boolean finished;

    RewrittenJsonStream(InputStream upstream, DicomJsonUris uris) throws IOException {
        this.upstream = upstream;
        this.parser = Json.MAPPER.getFactory().createParser(upstream);
        this.uris = uris;
        this.generator = Json.MAPPER.getFactory().createGenerator(chunk);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.size()) {
            if (finished) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chunk.size() - position);
        System.arraycopy(chunk.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return chunk.size() - position;
    }

    /** The next chunk: tokens up to the chunk's size, the end of a top-level array's element, or the end. */
    private void fill() throws IOException {
        chunk.reset();
        position = 0;
        while (chunk.size() < CHUNK) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                finished = true;
                break;
            }
            uris.copyToken(parser, generator);
            if (token.isStructEnd() && parser.getParsingContext().inArray()
                    && parser.getParsingContext().getParent().inRoot()) {
                break;
            }
        }
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            upstream.close();
        }
    }

    /** The bytes of the current chunk, read in place. */
    private static final class Chunk extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }
}
