package org.harmonyee.services.management;

import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.pipeline.RouteSpec;

import java.util.Set;

/** The management API's entry: GET and HEAD under {@code [management] base_path}; bodies are never read. */
final class ManagementEndpoint extends PathPrefixEndpoint {

    ManagementEndpoint(String basePath) {
        super(ManagementPipeline.NAME, ManagementPipeline.SERVICE, new RouteSpec(basePath, Set.of("GET", "HEAD")),
                null);
    }
}
