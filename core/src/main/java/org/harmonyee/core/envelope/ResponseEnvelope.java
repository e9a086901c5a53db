package org.harmonyee.core.envelope;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

/** A response as it travels back through a pipeline to the door that received the request. */
public final class ResponseEnvelope extends Envelope {

    private int status;

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

    public int status() {
        return status;
    }

    public void status(int value) {
        this.status = value;
    }
}
