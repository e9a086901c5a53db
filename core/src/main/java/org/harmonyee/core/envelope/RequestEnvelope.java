package org.harmonyee.core.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as it travels a pipeline, whatever door it came through.
 *
 * <p>{@code path} is relative to the endpoint's prefix (e.g. {@code /Patient/1} for
 * {@code /fhir/Patient/1} under prefix {@code /fhir}); {@code fullPath} is the path as received,
 * prefix included; {@code rawQuery} is the query string as received, without '?'.
 */
public final class RequestEnvelope extends Envelope {

    private final String exchangeId;
    private final String method;
    private final String fullPath;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, String> cookies;
    private final ContainerCaller containerCaller;
    private String path;

    private RequestEnvelope(Builder builder) {
        super(builder.headers, builder.body);
        this.exchangeId = Objects.requireNonNull(builder.exchangeId, "exchangeId");
        this.method = Objects.requireNonNull(builder.method, "method");
        this.fullPath = Objects.requireNonNull(builder.fullPath, "fullPath");
        this.path = builder.path == null ? builder.fullPath : builder.path;
        this.rawQuery = builder.rawQuery;
        this.query = Collections.unmodifiableMap(builder.query);
        this.cookies = Collections.unmodifiableMap(builder.cookies);
        this.containerCaller = builder.containerCaller;
    }

    public static Builder builder(String exchangeId, String method, String fullPath) {
        return new Builder(exchangeId, method, fullPath);
    }

    public String exchangeId() {
        return exchangeId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Sets the path below the endpoint prefix; the endpoint that matched the request calls this. */
    public void path(String relativePath) {
        this.path = relativePath;
    }

    public String fullPath() {
        return fullPath;
    }

    /** The raw query string without '?', or null. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The decoded query parameters, multi-valued, in order. */
    public Map<String, List<String>> query() {
        return query;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** The caller the server authenticated, when the door had one (an HTTP request with a principal). */
    public Optional<ContainerCaller> containerCaller() {
        return Optional.ofNullable(containerCaller);
    }

    /** Builds a request envelope; used by doors and tests. */
    public static final class Builder {
        private final String exchangeId;
        private final String method;
        private final String fullPath;
        private String path;
        private String rawQuery;
        private Headers headers = new Headers();
        private Body body = Body.empty();
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private ContainerCaller containerCaller;

        private Builder(String exchangeId, String method, String fullPath) {
            this.exchangeId = exchangeId;
            this.method = method;
            this.fullPath = fullPath;
        }

        public Builder path(String relativePath) {
            this.path = relativePath;
            return this;
        }

        public Builder rawQuery(String value) {
            this.rawQuery = value == null || value.isEmpty() ? null : value;
            return this;
        }

        public Builder query(String name, List<String> values) {
            this.query.put(name, List.copyOf(values));
            return this;
        }

        public Builder cookie(String name, String value) {
            this.cookies.put(name, value);
            return this;
        }

        public Builder headers(Headers value) {
            this.headers = value;
            return this;
        }

        public Builder header(String name, String value) {
            this.headers.add(name, value);
            return this;
        }

        public Builder body(Body value) {
            this.body = value;
            return this;
        }

        public Builder containerCaller(ContainerCaller value) {
            this.containerCaller = value;
            return this;
        }

        public RequestEnvelope build() {
            return new RequestEnvelope(this);
        }
    }
}
