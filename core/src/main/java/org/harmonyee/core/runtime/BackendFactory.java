package org.harmonyee.core.runtime;

import org.harmonyee.core.pipeline.Backend;

/** Builds the backends of one type (see {@link ComponentFactory}). */
@FunctionalInterface
public interface BackendFactory extends ComponentFactory<Backend> {
}
