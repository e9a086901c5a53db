package org.harmonyee.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.content.ResultRendering;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * Writes a response envelope as the JAX-RS response, streaming its body with a bounded buffer and
 * flushing whenever the body has nothing more at hand (so each result of a streaming response
 * reaches the client as it arrives).
 * Content-Length comes from the body itself (a middleware may have replaced it), except for HEAD,
 * where the backend's header is the only answer.
 */
final class ResponseWriter {

    static final String EXCHANGE_ID = "X-Exchange-Id";

    private static final System.Logger LOG = System.getLogger(ResponseWriter.class.getName());
    private static final int BUFFER = 64 * 1024;

    private ResponseWriter() {
    }

    /**
     * A streaming response becomes a body produced while it is written: multipart/related when the
     * pipeline said so (its boundary kept, or one made), else a JSON array.
     */
    private static void renderResults(ResponseEnvelope response, ResultStream results) {
        String type = response.contentType().orElse("");
        if (MediaTypes.essence(type).equals("multipart/related")) {
            String boundary = MediaTypes.parameter(type, "boundary").orElseGet(() -> {
                String made = "harmony-" + UUID.randomUUID();
                response.headers().set("Content-Type", type + "; boundary=" + made);
                return made;
            });
            response.body(ResultRendering.multipart(results, boundary));
        } else {
            if (type.isEmpty()) {
                response.headers().set("Content-Type", "application/json");
            }
            response.body(ResultRendering.jsonArray(results));
        }
    }

    static Response write(RequestEnvelope request, ResponseEnvelope response) {
        Response.ResponseBuilder builder = Response.status(response.status());
        response.results().ifPresent(results -> renderResults(response, results));
        Body body = response.body();
        boolean head = request.method().equals("HEAD");
        response.headers().forEach((name, values) -> {
            if (head || !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        if (!head && body.length() >= 0) {
            builder.header("Content-Length", body.length());
        }
        builder.header(EXCHANGE_ID, request.exchangeId());
        if (body.length() == 0 || head) {
            body.discard();
            return builder.build();
        }
        StreamingOutput output = out -> {
            try (InputStream in = body.open()) {
                byte[] buffer = new byte[BUFFER];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
            } catch (IOException | GatewayException e) {
                LOG.log(Level.WARNING, () -> request.exchangeId() + ": response body interrupted: " + e);
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        };
        return builder.entity(output).build();
    }
}
