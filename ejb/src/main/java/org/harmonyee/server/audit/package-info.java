/**
 * The audit trail: who did what, when, with what outcome, for every exchange the gateway served or
 * refused. {@link org.harmonyee.server.audit.AuditInterceptor} turns each exchange into an
 * {@link org.harmonyee.server.audit.AuditRecord} on the request thread (a few map reads) and hands
 * it to {@link org.harmonyee.server.audit.AuditTrail}, whose own thread writes it as a JSON line to a
 * rotating file ({@link org.harmonyee.server.audit.JsonLinesFile}) and, when {@code [audit.syslog]}
 * is configured, as a DICOM PS3.15 audit message ({@link org.harmonyee.server.audit.DicomAuditMessages})
 * over RFC 5424 syslog ({@link org.harmonyee.server.audit.SyslogClient}).
 *
 * <p>Must not touch: the exchange itself (it never changes a request or a response, never reads a
 * body, never delays the caller), protocols, or the DICOM toolkit.
 */
package org.harmonyee.server.audit;
