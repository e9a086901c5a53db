package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Request envelopes as the doors make them, and DICOM JSON identifiers. */
final class Requests {

    private static final AtomicInteger EXCHANGES = new AtomicInteger();

    private Requests() {
    }

    /** A request from a DICOM door: {@code operation} as the method, the identifier as normalized JSON. */
    static RequestEnvelope dimse(String operation, JsonNode identifier, String... metadata) {
        return dimse(operation, identifier, Body.empty(), metadata);
    }

    static RequestEnvelope dimse(String operation, JsonNode identifier, Body body, String... metadata) {
        RequestEnvelope request = RequestEnvelope.builder("x" + EXCHANGES.incrementAndGet(), operation, "/")
                .body(body).build();
        request.metadata().put(MetadataKeys.PROTOCOL, DimseRequests.PROTOCOL);
        put(request, metadata);
        if (identifier != null) {
            request.normalizedFromBody(identifier);
        }
        return request;
    }

    /** A request from an http endpoint: the body parsed as JSON, the path below the endpoint's prefix. */
    static RequestEnvelope http(String method, String path, JsonNode body, String... metadata) {
        byte[] bytes = body == null ? new byte[0] : Json.bytes(body);
        RequestEnvelope request = RequestEnvelope.builder("h" + EXCHANGES.incrementAndGet(), method, "/pacs" + path)
                .path(path).header("Content-Type", "application/json").body(Body.of(bytes)).build();
        request.metadata().put(MetadataKeys.PROTOCOL, "http");
        put(request, metadata);
        if (body != null) {
            request.normalizedFromBody(body);
        }
        return request;
    }

    private static void put(RequestEnvelope request, String... metadata) {
        for (int i = 0; i + 1 < metadata.length; i += 2) {
            request.metadata().put(metadata[i], metadata[i + 1]);
        }
    }

    /** A DICOM JSON identifier at {@code level}; {@code keys} are tag, VR, value (null: a return key). */
    static ObjectNode identifier(String level, String... keys) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.putObject("00080052").put("vr", "CS").putArray("Value").add(level);
        for (int i = 0; i + 2 < keys.length; i += 3) {
            ObjectNode element = json.putObject(keys[i]).put("vr", keys[i + 1]);
            if (keys[i + 2] != null) {
                element.putArray("Value").add(keys[i + 2]);
            }
        }
        return json;
    }

    /** The value of {@code tag} in a DICOM JSON match, or null. */
    static String value(JsonNode match, String tag) {
        JsonNode value = match.path(tag).path("Value").path(0);
        return value.isMissingNode() ? null : value.asText();
    }

    /** Every remaining result of a streaming response. */
    static List<Result> drain(ResponseEnvelope response) {
        ResultStream results = response.results().orElseThrow();
        List<Result> all = new ArrayList<>();
        for (Optional<Result> result = results.next(); result.isPresent(); result = results.next()) {
            all.add(result.get());
        }
        return all;
    }
}
