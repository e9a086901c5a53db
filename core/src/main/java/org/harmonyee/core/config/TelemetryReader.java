package org.harmonyee.core.config;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** Reads {@code [telemetry]}; the defaults are {@link ConfigDefaults}' and the proxy id. */
final class TelemetryReader {

    private static final Set<String> KEYS = Set.of("otlp_endpoint", "service_name", "sampling_percent");

    private TelemetryReader() {
    }

    static TelemetrySettings read(Options telemetry, String proxyId) {
        TableShape.check(telemetry, KEYS, Set.of());
        Optional<URI> endpoint = telemetry.has("otlp_endpoint")
                ? Optional.of(telemetry.httpUrl("otlp_endpoint")) : Optional.empty();
        String serviceName = telemetry.string("service_name", proxyId);
        if (telemetry.has("service_name") && serviceName.isBlank()) {
            telemetry.problem("service_name", "expected a name, got an empty string");
        }
        int percent = (int) telemetry.integer("sampling_percent", ConfigDefaults.TELEMETRY_SAMPLING_PERCENT, 0, 100);
        return new TelemetrySettings(endpoint, serviceName, percent);
    }
}
