package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The matches of a DICOMweb server's QIDO-RS answer (a JSON array), one result each as the server
 * sends them, with their Retrieve URLs rewritten ({@link DicomJsonUris}): the pipeline's response
 * middleware (a transform) sees each match as it passes, as it does a C-FIND match of the bridge.
 */
final class UpstreamMatches implements ResultStream.Source {

    private final InputStream upstream;
    private final JsonParser parser;
    private final DicomJsonUris uris;
    private final String backend;

    private UpstreamMatches(InputStream upstream, JsonParser parser, DicomJsonUris uris, String backend) {
        this.upstream = upstream;
        this.parser = parser;
        this.uris = uris;
        this.backend = backend;
    }

    /**
     * @throws GatewayException 502 when the answer does not start a JSON array
     */
    static ResultStream of(InputStream upstream, DicomJsonUris uris, String backend) {
        try {
            JsonParser parser = Json.MAPPER.getFactory().createParser(upstream);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                parser.close();
                throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the DICOMweb server of backend '"
                        + backend + "' answered a search with DICOM JSON that is not an array of matches");
            }
            return ResultStream.of(new UpstreamMatches(upstream, parser, uris, backend));
        } catch (IOException e) {
            closeQuietly(upstream);
            throw brokenOff(backend, e);
        }
    }

    @Override
    public Optional<Result> next() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                upstream.transferTo(OutputStream.nullOutputStream());
                return Optional.empty();
            }
            if (token != JsonToken.START_OBJECT) {
                throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the DICOMweb server of backend '"
                        + backend + "' answered a search with " + token + " where a match was due");
            }
            try (TokenBuffer match = new TokenBuffer(Json.MAPPER, false)) {
                uris.copyValue(parser, match);
                return Optional.of(Result.json(DicomJsonAnswers.EXACT_DECIMALS.readTree(match.asParser())));
            }
        } catch (IOException e) {
            throw brokenOff(backend, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(parser);
        closeQuietly(upstream);
    }

    private static GatewayException brokenOff(String backend, IOException e) {
        return new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the search answer of the DICOMweb server of"
                + " backend '" + backend + "' broke off: " + e.getMessage(), e);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the answer is over either way; the connection is dropped with it
        }
    }
}
