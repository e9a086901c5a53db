/**
 * FHIR services: the {@code fhir} endpoint (the HTTP door with FHIR defaults, {@code _format}, and
 * failures as OperationOutcome) and the {@code fhir} backend (the HTTP passthrough that checks
 * FHIR media types and rewrites the server's own URLs in Bundle links and Location headers to the
 * gateway's, so that a client pages through the gateway).
 *
 * <p>Search parameters, operations ($everything), _history and conditional headers (If-Match,
 * If-None-Exist, If-None-Match) pass through untouched.
 *
 * <p>Must not touch: FHIR resource content beyond the server's own URLs; the FHIR passthrough
 * builds on the http service's backend and never reimplements its I/O.
 */
package org.harmonyee.services.fhir;
