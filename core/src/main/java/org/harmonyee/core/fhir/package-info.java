/**
 * FHIR services: the {@code fhir} endpoint (the HTTP door with FHIR defaults, {@code _format}, and
 * failures as OperationOutcome) and the {@code fhir} backend (the HTTP passthrough that checks
 * FHIR media types and rewrites the server's own URLs in Bundle links and Location headers to the
 * gateway's, so that a client pages through the gateway).
 *
 * <p>Search parameters, operations ($everything), _history and conditional headers (If-Match,
 * If-None-Exist, If-None-Match) pass through untouched.
 */
package org.harmonyee.core.fhir;
