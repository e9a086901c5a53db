package org.harmonyee.core.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Envelope;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;

/**
 * Parses a JSON body (or a body without Content-Type, which Harmony treats as JSON) into the
 * envelope's normalized view, keeping the original bytes as the body. Other media types keep
 * streaming untouched.
 */
public final class JsonNormalizer {

    private final long maxBodySize;

    public JsonNormalizer(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /**
     * Normalizes the envelope's body if it is JSON; otherwise only applies the size limit.
     *
     * @throws GatewayException 413 over the limit, 400 for malformed JSON
     */
    public void normalize(Envelope envelope) {
        String essence = envelope.contentType().map(MediaTypes::essence).orElse(null);
        boolean json = essence == null || MediaTypes.isJson(essence);
        if (!json) {
            envelope.body(BodyLimit.apply(envelope.body(), maxBodySize));
            return;
        }
        byte[] bytes = BodyLimit.read(envelope.body(), maxBodySize);
        envelope.body(Body.of(bytes));
        if (bytes.length == 0 || isBlank(bytes)) {
            return;
        }
        try {
            JsonNode tree = Json.parse(bytes);
            envelope.normalizedFromBody(tree);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "malformed JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
