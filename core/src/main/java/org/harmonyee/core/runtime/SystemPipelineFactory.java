package org.harmonyee.core.runtime;

import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.pipeline.Pipeline;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds a pipeline the gateway adds by itself, from the configuration's own tables rather than a
 * pipeline file (the management API from {@code [management]}). Its name is reserved while it is
 * built; the running gateway is supplied lazily because the pipeline describes it.
 */
@FunctionalInterface
public interface SystemPipelineFactory {

    /** The pipeline, or nothing when the configuration does not enable it. */
    Optional<Pipeline> create(GatewayConfig config, Supplier<GatewayRuntime> runtime);
}
