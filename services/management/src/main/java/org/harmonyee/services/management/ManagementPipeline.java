package org.harmonyee.services.management;

import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.pipeline.Pipeline;
import org.harmonyee.core.runtime.GatewayRuntime;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the management pipeline the gateway adds when {@code [management] enabled = true}. */
public final class ManagementPipeline {

    public static final String SERVICE = "management";
    public static final String NAME = "management";

    private ManagementPipeline() {
    }

    /** The pipeline, on the management network, or nothing when the API is disabled. */
    public static Optional<Pipeline> create(GatewayConfig config, Supplier<GatewayRuntime> runtime) {
        if (!config.management().enabled()) {
            return Optional.empty();
        }
        return Optional.of(new Pipeline(NAME, "Management API (read-only)", List.of(config.management().network()),
                List.of(new ManagementEndpoint(config.management().basePath())), List.of(),
                new ManagementBackend(runtime)));
    }
}
