/**
 * The HTTP doors: JAX-RS resources that turn an HTTP exchange into a request envelope, make one
 * call to {@link org.harmonyee.server.exchange.PipelineService}, and stream the response envelope
 * back. The network of a request is the HTTP listener it arrived on (its local port); the caller
 * the server authenticated, if any, rides along as the envelope's container caller
 * ({@link org.harmonyee.web.ServletCaller}, for {@code container_auth}). One servlet
 * filter ({@link org.harmonyee.web.FormBodyFilter}) keeps form bodies whole against Jersey's read-ahead.
 *
 * <p>Must not touch: parsing, authentication, transforms, backend I/O; they live behind the call.
 */
package org.harmonyee.web;
