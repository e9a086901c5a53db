package org.harmonyee.services.management;

import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.runtime.GatewayRuntime;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} on the management network, beside the management API and enabled with it:
 * the server's metrics in the Prometheus text format, as the server renders them
 * ({@link org.harmonyee.core.runtime.LiveViews#PROMETHEUS_METRICS}).
 */
public final class MetricsPipeline {

    public static final String SERVICE = "metrics";
    public static final String NAME = "metrics";
    public static final String PATH = "/metrics";

    private MetricsPipeline() {
    }

    /** The pipeline, on the management network, or nothing when the management API is disabled. */
    public static Optional<Pipeline> create(GatewayConfig config, Supplier<GatewayRuntime> runtime) {
        if (!config.management().enabled()) {
            return Optional.empty();
        }
        return Optional.of(new Pipeline(NAME, "Prometheus metrics", List.of(config.management().network()),
                List.of(new MetricsEndpoint()),
                List.of(), new MetricsBackend(runtime)));
    }
}
