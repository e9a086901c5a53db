package org.harmonyee.services.management;

import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.pipeline.RouteSpec;

import java.util.Set;

/** {@code GET} and {@code HEAD} of {@code /metrics}; bodies are never read. */
final class MetricsEndpoint extends PathPrefixEndpoint {

    MetricsEndpoint() {
        super(MetricsPipeline.NAME, MetricsPipeline.SERVICE, new RouteSpec(MetricsPipeline.PATH, Set.of("GET", "HEAD")),
                null);
    }
}
