package org.harmonyee.middleware.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Envelope;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.util.Locale;

/** The {@code context} a transform with {@code inject_context = true} sees. */
final class ExchangeContext {

    private ExchangeContext() {
    }

    static ObjectNode of(RequestEnvelope request, ResponseEnvelope response) {
        ObjectNode context = Json.MAPPER.createObjectNode();
        ObjectNode req = context.putObject("request")
                .put("method", request.method())
                .put("path", request.path());
        ObjectNode query = req.putObject("query");
        request.query().forEach((key, values) -> values.forEach(query.withArray(key)::add));
        common(req, request);
        if (response != null) {
            common(context.putObject("response").put("status", response.status()), response);
        }
        return context;
    }

    private static void common(ObjectNode node, Envelope envelope) {
        ObjectNode headers = node.putObject("headers");
        envelope.headers().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), String.join(", ", values)));
        ObjectNode metadata = node.putObject("metadata");
        envelope.metadata().forEach(metadata::put);
    }
}
