package org.harmonyee.core.envelope;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A response as it travels back through a pipeline to the door that received the request. Its
 * payload is a body, or a {@link ResultStream} of results that the door renders as they arrive
 * (see the streaming contract there); never both.
 */
public final class ResponseEnvelope extends Envelope {

    private int status;
    private ResultStream results;

    public ResponseEnvelope(int status, Headers headers, Body body) {
        super(headers, body);
        this.status = status;
    }

    public static ResponseEnvelope of(int status) {
        return new ResponseEnvelope(status, new Headers(), Body.empty());
    }

    /** A response whose body is the given JSON, both as bytes and as the normalized view. */
    public static ResponseEnvelope json(int status, JsonNode json) {
        return json(status, json, "application/json");
    }

    public static ResponseEnvelope json(int status, JsonNode json, String contentType) {
        ResponseEnvelope response = new ResponseEnvelope(status, new Headers().set("Content-Type", contentType),
                Body.of(Json.bytes(json)));
        response.normalizedFromBody(json);
        return response;
    }

    public static ResponseEnvelope text(int status, String text, String contentType) {
        return new ResponseEnvelope(status, new Headers().set("Content-Type", contentType),
                Body.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A streaming response: {@code results} are rendered by the door one by one as they arrive. */
    public static ResponseEnvelope streaming(int status, Headers headers, ResultStream results) {
        ResponseEnvelope response = new ResponseEnvelope(status, headers, Body.empty());
        response.results = results;
        return response;
    }

    /** The results of a streaming response. */
    public Optional<ResultStream> results() {
        return Optional.ofNullable(results);
    }

    /** Replaces the results (after a middleware collected and rewrote them as a whole). */
    public void results(ResultStream replacement) {
        this.results = replacement;
    }

    /** Adds a step applied to each result as it passes, if the response streams; see {@link ResultStream#map}. */
    public void mapResults(UnaryOperator<Result> step) {
        if (results != null) {
            results.map(step);
        }
    }

    public int status() {
        return status;
    }

    public void status(int value) {
        this.status = value;
    }
}
