/**
 * Service {@code http}: the passthrough endpoint (a path prefix, bodies normalized by media type)
 * and backend (the request streamed to {@code base_url} or one of its targets, flushed whenever the
 * caller's bytes pause; the answer streamed back untouched, its connection dropped rather than
 * drained when the caller stops reading early), and the HTTP GET probe for targets' active health checks. Backend I/O runs on
 * the executor the server supplies; failures are 502 (unreachable) and 504 (timeout) problems.
 *
 * <p>Must not touch: the servlet or JAX-RS layer (the war module's doors); other services build on
 * this one (fhir, dicomweb) through its public classes only.
 */
package org.harmonyee.services.http;
