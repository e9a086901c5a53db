package org.harmonyee.server.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One line of the audit trail: who (principal, client address, calling AE title), what (network,
 * pipeline, endpoint, operation, path, the study, series and SOP instance UIDs known from the
 * request), when, and the outcome. Absent fields are left out of the line.
 *
 * @param time          when the exchange ended, ISO-8601 UTC
 * @param operation     the HTTP method or the DIMSE operation ({@code C-FIND}, ...), or
 *                      {@code A-ASSOCIATE} for a refused association
 * @param path          the request path without its query (a DIMSE exchange's is {@code dicom:AET})
 * @param status        the HTTP status the door answered (a DIMSE exchange's as the pipeline gave it);
 *                      none for a rejected association
 * @param dimseStatus   the DIMSE status, four hex digits, when a DICOM peer gave or received one
 * @param outcome       what an auditor asks first
 * @param detail        why it was refused or failed, when known
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AuditRecord(String time, String exchangeId, String protocol, String network, String pipeline,
                          String endpoint, String operation, String path, String principal, String clientAddress,
                          String callingAet, String calledAet, String sopClassUid, List<String> studyUids,
                          List<String> seriesUids, List<String> sopInstanceUids, Integer status, String dimseStatus,
                          Outcome outcome, String detail, long durationMillis) {
}
