package org.harmonyee.middleware.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Envelope;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code context} a transform with {@code inject_context = true} sees, in two vocabularies:
 * the Rust Harmony's ({@code request_details}, then {@code target_details} on the request side or
 * {@code response_details} on the response side), so that specifications written for it run
 * unchanged, and Harmony EE's shorter one ({@code request}, {@code response}).
 */
final class ExchangeContext {

    private ExchangeContext() {
    }

    /** The context of the request side ({@code response == null}) or of the response side. */
    static ObjectNode of(RequestEnvelope request, ResponseEnvelope response) {
        ObjectNode context = Json.MAPPER.createObjectNode();
        ObjectNode details = context.putObject("request_details")
                .put("method", request.method())
                .put("uri", request.rawQuery() == null ? request.fullPath() : request.fullPath() + "?" + request.rawQuery());
        exchange(details, request);
        if (response == null) {
            exchange(context.putObject("target_details").put("base_url", "").put("method", request.method())
                    .put("uri", request.path()), request);
        } else {
            common(context.putObject("response_details").put("status", response.status()), response);
        }
        ObjectNode ours = context.putObject("request").put("method", request.method()).put("path", request.path());
        queryInto(ours.putObject("query"), request.query());
        common(ours, request);
        if (response != null) {
            common(context.putObject("response").put("status", response.status()), response);
        }
        return context;
    }

    /** What the Rust Harmony's request and target details carry besides method and uri. */
    private static void exchange(ObjectNode node, RequestEnvelope request) {
        common(node, request);
        ObjectNode cookies = node.putObject("cookies");
        request.cookies().forEach(cookies::put);
        queryInto(node.putObject("query_params"), request.query());
    }

    private static void queryInto(ObjectNode node, Map<String, List<String>> query) {
        query.forEach((key, values) -> values.forEach(node.withArray(key)::add));
    }

    private static void common(ObjectNode node, Envelope envelope) {
        ObjectNode headers = node.putObject("headers");
        envelope.headers().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), String.join(", ", values)));
        ObjectNode metadata = node.putObject("metadata");
        envelope.metadata().forEach(metadata::put);
    }
}
