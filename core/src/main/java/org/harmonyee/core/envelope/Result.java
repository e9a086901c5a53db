package org.harmonyee.core.envelope;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.Optional;

/**
 * One result of a streaming response: a C-FIND pending match, a part of a multipart/related
 * answer, an element of a JSON array. It has part headers (Content-Type, Content-Location), an
 * optional JSON view (a match identifier as PS3.18 JSON) and a body (the bytes of a part; empty for
 * a JSON-only result). Immutable; a middleware changes a result by returning a new one.
 */
public record Result(Headers headers, JsonNode json, Body body) {

    public Result {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** A JSON-only result. */
    public static Result json(JsonNode json) {
        return new Result(new Headers(), Objects.requireNonNull(json, "json"), Body.empty());
    }

    /** A part with its own headers and bytes, and no JSON view. */
    public static Result part(Headers headers, Body body) {
        return new Result(headers, null, body);
    }

    /** The JSON view, if the result has one. */
    public Optional<JsonNode> jsonView() {
        return Optional.ofNullable(json);
    }

    /** The same result with another JSON view (the body, if any, is kept). */
    public Result withJson(JsonNode replacement) {
        return new Result(headers, replacement, body);
    }
}
