package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;

/**
 * Builds one component (endpoint, backend or middleware) from its table, once, at startup. Option
 * problems are reported through {@link Options}, and a component is returned even then: assembly
 * goes on to find every problem, and what was built is closed and discarded.
 *
 * @param <T> the kind of component
 */
@FunctionalInterface
public interface ComponentFactory<T> {

    T create(ComponentConfig config, Options options, BuildContext context);
}
