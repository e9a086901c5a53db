package org.harmonyee.core.runtime;

import org.harmonyee.core.pipeline.Middleware;

/** Builds the middlewares of one type (see {@link ComponentFactory}). */
@FunctionalInterface
public interface MiddlewareFactory extends ComponentFactory<Middleware> {
}
