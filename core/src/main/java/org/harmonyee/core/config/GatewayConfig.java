package org.harmonyee.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole configuration as read: config.toml plus the pipeline files, env-substituted, with
 * references between tables checked. Maps keep the order in which tables were read.
 */
public record GatewayConfig(Path file, ProxySettings proxy, Map<String, NetworkConfig> networks,
                            ManagementSettings management, LoggingSettings logging, StorageSettings storage,
                            AuditSettings audit, TelemetrySettings telemetry,
                            Map<String, TypeDeclaration> services, Map<String, TypeDeclaration> middlewareTypes,
                            Map<String, PipelineConfig> pipelines, Map<String, ComponentConfig> endpoints,
                            Map<String, ComponentConfig> backends, Map<String, ComponentConfig> targets,
                            Map<String, ComponentConfig> middleware) {

    /** The directory of config.toml, against which relative paths resolve. */
    public Path directory() {
        return file.toAbsolutePath().getParent();
    }
}
