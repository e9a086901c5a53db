package org.harmonyee.core.runtime;

import org.harmonyee.core.pipeline.Endpoint;

/** Builds the endpoints of one type (see {@link ComponentFactory}). */
@FunctionalInterface
public interface EndpointFactory extends ComponentFactory<Endpoint> {
}
