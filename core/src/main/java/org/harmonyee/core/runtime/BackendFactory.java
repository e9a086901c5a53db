package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.pipeline.Backend;

/** Builds the backends of one service type; reports option problems through {@link Options}. */
@FunctionalInterface
public interface BackendFactory {

    Backend create(ComponentConfig config, Options options, BuildContext context);
}
