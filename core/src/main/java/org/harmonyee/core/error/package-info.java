/**
 * Failures that carry their protocol answer. A {@link org.harmonyee.core.error.GatewayException}
 * holds a {@link org.harmonyee.core.error.ProblemType} (stable type URI, HTTP status, DIMSE status)
 * and a detail for the caller; each door renders it once: HTTP as RFC 9457
 * {@code application/problem+json} ({@link org.harmonyee.core.content.ProblemDocument}), FHIR as an
 * OperationOutcome, DIMSE as a status with an ErrorComment. Stack traces go to the log with the
 * exchange id, never to a caller.
 *
 * <p>Owns: the failure types only. Must not touch: envelopes or rendering, so that every other
 * package can depend on it and it on none.
 */
package org.harmonyee.core.error;
