/**
 * What HTTP-family endpoint services share: the {@code path_prefix} option
 * ({@link org.harmonyee.core.endpoint.PathPrefix}) and the prefix endpoint base
 * ({@link org.harmonyee.core.endpoint.PathPrefixEndpoint}: routes, the path below the prefix, body
 * normalization within the content limits).
 *
 * <p>Owns: the shape, not the services; each service lives in its own module under
 * {@code services/}. Must not touch: HTTP I/O (the doors in the war module do it) or any one
 * protocol's rules.
 */
package org.harmonyee.core.endpoint;
