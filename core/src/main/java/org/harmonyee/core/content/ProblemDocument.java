package org.harmonyee.core.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

/** Renders a {@link GatewayException} as an RFC 9457 {@code application/problem+json} response. */
public final class ProblemDocument {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemDocument() {
    }

    public static ResponseEnvelope render(GatewayException failure, String exchangeId, String instance) {
        ProblemType type = failure.type();
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.httpStatus());
        if (failure.detail() != null) {
            body.put("detail", failure.detail());
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("exchange_id", exchangeId);
        ResponseEnvelope response = ResponseEnvelope.json(type.httpStatus(), body, MEDIA_TYPE);
        failure.headers().forEach(response.headers()::set);
        return response;
    }
}
