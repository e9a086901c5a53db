/**
 * Assembly: turns a {@link org.harmonyee.core.config.GatewayConfig} into a running
 * {@link org.harmonyee.core.runtime.GatewayRuntime} (endpoints, middleware, backends built once,
 * routes per network), through the {@link org.harmonyee.core.runtime.ServiceCatalog} of service
 * and middleware types. Assembly is also validation: every problem found while building is
 * collected and reported together, so a configuration that validates is one that starts.
 */
package org.harmonyee.core.runtime;
