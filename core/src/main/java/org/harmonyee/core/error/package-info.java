/**
 * Failures that carry their protocol answer. A {@link org.harmonyee.core.error.GatewayException}
 * holds a {@link org.harmonyee.core.error.ProblemType} (stable type URI, HTTP status, DIMSE status)
 * and a detail for the caller; each door renders it once: HTTP as RFC 9457
 * {@code application/problem+json}, FHIR as an OperationOutcome, DIMSE as a status with an
 * ErrorComment. Stack traces go to the log with the exchange id, never to a caller.
 */
package org.harmonyee.core.error;
