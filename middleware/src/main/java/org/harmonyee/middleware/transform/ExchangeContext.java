package org.harmonyee.middleware.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Envelope;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.util.Locale;

/**
 * The {@code context} a transform with {@code inject_context = true} sees: {@code request} and
 * {@code response} in this gateway's words, and the same facts in the Rust Harmony's shape,
 * {@code request_details} ({@code method}, {@code uri}, {@code query_params}, {@code headers},
 * {@code cookies}, {@code metadata}) and {@code response_details} ({@code status}, {@code headers},
 * {@code metadata}), so that specifications written for it run unchanged.
 */
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
        ObjectNode details = context.putObject("request_details").put("method", request.method())
                .put("uri", request.rawQuery() == null || request.rawQuery().isEmpty() ? request.fullPath()
                        : request.fullPath() + "?" + request.rawQuery());
        details.set("query_params", req.get("query"));
        details.set("headers", req.get("headers"));
        request.cookies().forEach(details.putObject("cookies")::put);
        details.set("metadata", req.get("metadata"));
        if (response != null) {
            ObjectNode res = context.putObject("response").put("status", response.status());
            common(res, response);
            context.set("response_details", res);
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
