package org.harmonyee.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * {@code [telemetry]}: traces. With an {@code otlpEndpoint} (the OTLP/HTTP base URL of a collector),
 * every sampled exchange is a server span with a child span per backend call, sent to
 * {@code <otlpEndpoint>/v1/traces} as {@code serviceName}; {@code samplingPercent} of the exchanges
 * that arrive without a sampled parent are kept. Without one, nothing is traced.
 */
public record TelemetrySettings(Optional<URI> otlpEndpoint, String serviceName, int samplingPercent) {

    /** Whether traces are exported. */
    public boolean enabled() {
        return otlpEndpoint.isPresent();
    }
}
