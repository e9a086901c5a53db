package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.pipeline.Endpoint;

/**
 * Builds the endpoints of one service type. Reports option problems through {@link Options} and
 * returns an endpoint even then (assembly goes on to find every problem; the result is discarded).
 */
@FunctionalInterface
public interface EndpointFactory {

    Endpoint create(ComponentConfig config, Options options, BuildContext context);
}
