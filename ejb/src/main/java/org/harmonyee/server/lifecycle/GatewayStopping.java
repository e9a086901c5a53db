package org.harmonyee.server.lifecycle;

import org.harmonyee.core.runtime.GatewayRuntime;

/**
 * Fired (synchronously) by {@link GatewayLifecycle} when the application stops, before the runtime
 * closes: observers that run threads of their own (the tracing exporter) finish their work while
 * the application's classes are still loadable.
 */
public record GatewayStopping(GatewayRuntime runtime) {
}
