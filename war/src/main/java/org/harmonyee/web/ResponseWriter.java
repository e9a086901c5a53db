package org.harmonyee.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a response envelope as the JAX-RS response, streaming its body with a bounded buffer.
 * Content-Length comes from the body itself (a middleware may have replaced it), except for HEAD,
 * where the backend's header is the only answer.
 */
final class ResponseWriter {

    static final String EXCHANGE_ID = "X-Exchange-Id";

    private static final Logger LOG = Logger.getLogger(ResponseWriter.class.getName());
    private static final int BUFFER = 64 * 1024;

    private ResponseWriter() {
    }

    static Response write(RequestEnvelope request, ResponseEnvelope response) {
        Response.ResponseBuilder builder = Response.status(response.status());
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
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, request.exchangeId() + ": response body interrupted: " + e);
                throw e;
            }
        };
        return builder.entity(output).build();
    }
}
