package org.harmonyee.core.config;

import java.util.List;

/** {@code [pipelines.NAME]}: networks and endpoints in, middleware in order, backends out. */
public record PipelineConfig(String name, String description, List<String> networks, List<String> endpoints,
                             List<String> middleware, List<String> backends, Source source) {
}
