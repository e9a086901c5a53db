/**
 * The management API described by MicroProfile OpenAPI: its routes are the management pipeline's,
 * not JAX-RS methods, so {@link ManagementApiModel} (an {@code OASModelReader}) builds the document
 * from the management resources and the configured base path; annotation scanning is off
 * ({@code META-INF/microprofile-config.properties}). The server serves it at {@code /openapi}.
 *
 * <p>Must not touch: the pipelines' own routes, which are the configuration's and not an API of
 * the gateway.
 */
package org.harmonyee.web.openapi;
