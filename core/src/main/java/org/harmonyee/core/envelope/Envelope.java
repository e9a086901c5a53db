package org.harmonyee.core.envelope;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What requests and responses share: headers, string metadata, the original body and its
 * normalized JSON view.
 *
 * <p>The body rule: the normalized JSON is set once from the body by the endpoint that parsed it
 * ({@link #normalizedFromBody}); a middleware that wants to change the payload replaces it with
 * {@link #normalized(JsonNode)}. If it differs from what was parsed, the next hop receives the
 * serialized JSON; otherwise it receives the original bytes, untouched.
 */
public abstract class Envelope {

    private final Headers headers;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private Body body;
    private JsonNode normalized;
    private JsonNode parsed;
    private Consumer<Envelope> lazyNormalizer;

    protected Envelope(Headers headers, Body body) {
        this.headers = headers;
        this.body = body;
    }

    public Headers headers() {
        return headers;
    }

    /** String metadata for later middleware and backends (authenticated user, claims, routing keys). */
    public Map<String, String> metadata() {
        return metadata;
    }

    public Body body() {
        return body;
    }

    public void body(Body newBody) {
        this.body = newBody;
    }

    public Optional<String> contentType() {
        return headers.first("Content-Type");
    }

    /**
     * The payload's JSON view. A response is normalized on first access, by the receiving
     * endpoint's rules (so a streamed body is read only if a middleware asks).
     */
    public Optional<JsonNode> normalized() {
        Consumer<Envelope> pending = lazyNormalizer;
        if (pending != null) {
            lazyNormalizer = null;
            if (normalized == null) {
                pending.accept(this);
            }
        }
        return Optional.ofNullable(normalized);
    }

    /** Defers normalization of the body to the first {@link #normalized()} call. */
    public void normalizeLazily(Consumer<Envelope> normalizer) {
        this.lazyNormalizer = normalizer;
    }

    /** Replaces the payload's JSON view; the next hop will receive this JSON if it differs. */
    public void normalized(JsonNode json) {
        this.lazyNormalizer = null;
        this.normalized = json;
    }

    /** Sets the JSON view parsed from the body; only the endpoint or backend that parsed it calls this. */
    public void normalizedFromBody(JsonNode json) {
        this.normalized = json;
        this.parsed = json == null ? null : json.deepCopy();
    }

    /** Whether a middleware replaced or changed the normalized JSON since it was parsed. */
    public boolean normalizedChanged() {
        return normalized != null && !normalized.equals(parsed);
    }
}
