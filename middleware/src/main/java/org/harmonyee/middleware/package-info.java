/**
 * The gateway's middleware types, registered with the core by {@link org.harmonyee.middleware.MiddlewareModule}:
 * {@code basic_auth} and {@code jwt_auth} (authentication, 401 with WWW-Authenticate),
 * {@code transform} and {@code metadata_transform} (JOLT over the payload or the metadata),
 * {@code path_filter} (404 for paths outside its rules), and the Rust Harmony's small types
 * {@code passthru}, {@code json_extractor} (also {@code json}) and {@code connect}
 * ({@link org.harmonyee.middleware.compat}).
 *
 * <p>Every instance is built once at startup from its {@code [middleware.NAME]} table; a bad option
 * stops the startup with a problem naming file, table and key. Instances are thread-safe and keep
 * no per-request state. They follow the ordering contract of {@link org.harmonyee.core.pipeline}:
 * request side in the pipeline's order, response side in reverse, early answers by not calling
 * the chain, failures as {@link org.harmonyee.core.error.GatewayException}: authentication
 * failures 401, a filtered path 404, everything else 500. docs/middleware.md documents every option.
 */
package org.harmonyee.middleware;
