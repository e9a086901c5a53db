package org.harmonyee.services.dicomweb;

import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cross-origin access (the Fetch standard's CORS protocol) for browser viewers such as OHIF that are
 * served from another origin than the gateway: an allowed {@code Origin} gets
 * {@code Access-Control-Allow-Origin} on every answer (and the headers a viewer reads exposed), and a
 * preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered 204 with the
 * methods, the requested headers and a max age, whatever the pipeline's authentication says (a
 * browser never sends credentials with a preflight). Off when no origin is configured.
 *
 * @param origins     the allowed origins ({@code scheme://host[:port]}); empty is off
 * @param anyOrigin   {@code "*"} was configured
 * @param credentials whether the browser may send cookies or Authorization (the origin is then echoed, never {@code *})
 * @param maxAgeSeconds how long a browser may cache a preflight's answer
 */
record CorsPolicy(Set<String> origins, boolean anyOrigin, boolean credentials, long maxAgeSeconds) {

    static final CorsPolicy OFF = new CorsPolicy(Set.of(), false, false, 0);
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/\\s]+");
    private static final String METHODS = "GET, HEAD, OPTIONS, POST";
    private static final String EXPOSED = "Content-Type, Content-Length, Content-Location, Warning, Retry-After";

    /** Options {@code cors_allowed_origins}, {@code cors_allow_credentials}, {@code cors_max_age_s}. */
    static CorsPolicy read(Options options) {
        List<String> configured = options.strings("cors_allowed_origins");
        for (String origin : configured) {
            if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                options.problem("cors_allowed_origins", "expected \"*\" or origins such as \"https://viewer.example.org\""
                        + " (scheme, host and port, no path), got '" + origin + "'");
            }
        }
        boolean credentials = options.bool("cors_allow_credentials", false);
        long maxAge = options.integer("cors_max_age_s", 600, 0, 86_400);
        if (configured.isEmpty()) {
            return OFF;
        }
        return new CorsPolicy(Set.copyOf(configured.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList()),
                configured.contains("*"), credentials, maxAge);
    }

    /** Whether the request is a preflight from an allowed origin. */
    boolean isAllowedPreflight(RequestEnvelope request) {
        return request.method().equals("OPTIONS") && request.headers().first("Access-Control-Request-Method").isPresent()
                && allowedOrigin(request) != null;
    }

    /** The answer to an allowed preflight: 204 with the CORS headers. */
    ResponseEnvelope preflight(RequestEnvelope request) {
        ResponseEnvelope answer = new ResponseEnvelope(204, new Headers(), Body.empty());
        apply(request, answer.headers());
        return answer;
    }

    /** Adds the CORS headers for the request's Origin, if it is allowed. */
    void apply(RequestEnvelope request, Headers headers) {
        String origin = allowedOrigin(request);
        if (origin == null) {
            return;
        }
        headers.set("Access-Control-Allow-Origin", anyOrigin && !credentials ? "*" : origin);
        headers.add("Vary", "Origin");
        if (credentials) {
            headers.set("Access-Control-Allow-Credentials", "true");
        }
        if (request.method().equals("OPTIONS") && request.headers().first("Access-Control-Request-Method").isPresent()) {
            headers.set("Access-Control-Allow-Methods", METHODS);
            request.headers().first("Access-Control-Request-Headers")
                    .ifPresent(asked -> headers.set("Access-Control-Allow-Headers", asked));
            headers.set("Access-Control-Max-Age", String.valueOf(maxAgeSeconds));
        } else {
            headers.set("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    private String allowedOrigin(RequestEnvelope request) {
        String origin = request.headers().first("Origin").orElse(null);
        if (origin == null || origins.isEmpty()) {
            return null;
        }
        return anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT)) ? origin : null;
    }
}
