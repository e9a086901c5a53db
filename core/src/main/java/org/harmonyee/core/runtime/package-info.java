/**
 * Assembly: turns a {@link org.harmonyee.core.config.GatewayConfig} into a running
 * {@link org.harmonyee.core.runtime.GatewayRuntime} (endpoints, middleware, backends built once,
 * system pipelines added, routes laid per network), through the
 * {@link org.harmonyee.core.runtime.ServiceCatalog}. Assembly is also validation: every problem
 * found while building is collected and reported together, so a configuration that validates is
 * one that starts.
 *
 * <p>Owns: the catalog and the build. Every type in the catalog comes from a
 * {@link org.harmonyee.core.runtime.ServiceModule} on the class path (the {@code services/*} and
 * {@code middleware} modules); the core registers none and names none. Must not touch: requests
 * (the pipeline package runs them) and the server (the ejb module supplies executors and clock
 * through {@link org.harmonyee.core.runtime.BuildContext}).
 */
package org.harmonyee.core.runtime;
