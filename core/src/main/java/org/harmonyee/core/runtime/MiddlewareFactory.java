package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.pipeline.Middleware;

/**
 * Builds the middleware of one type, once, at startup: a missing file, an unreadable key or an
 * unknown option value is reported through {@link Options} so that the gateway refuses to start.
 */
@FunctionalInterface
public interface MiddlewareFactory {

    Middleware create(ComponentConfig config, Options options, BuildContext context);
}
