package org.harmonyee.server.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * One audit record as a row of table {@code AUDIT_EVENT}, the same fields as its JSON line plus the
 * node that wrote it ({@code AUDIT_SOURCE_ID}, the {@code [proxy] id} unless {@code [audit]} says
 * otherwise). UID lists are space-separated (a UID has no space); a list too long for its column is
 * cut at a whole UID and ends with {@code ...}, the JSON line keeping all of it.
 */
@Entity
@Table(name = "AUDIT_EVENT", indexes = {
        @Index(name = "AUDIT_EVENT_TIME", columnList = "EVENT_EPOCH_MS"),
        @Index(name = "AUDIT_EVENT_EXCHANGE", columnList = "EXCHANGE_ID")})
public class AuditEvent {

    static final int UID_LIST_LENGTH = 8_000;
    private static final int TEXT_LENGTH = 2_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "EVENT_EPOCH_MS", nullable = false)
    private long epochMillis;

    @Column(name = "EVENT_TIME", length = 40, nullable = false)
    private String time;

    @Column(name = "AUDIT_SOURCE_ID", length = 255, nullable = false)
    private String auditSourceId;

    @Column(name = "EXCHANGE_ID", length = 64)
    private String exchangeId;

    @Column(name = "PROTOCOL", length = 32)
    private String protocol;

    @Column(name = "NETWORK_NAME", length = 255)
    private String network;

    @Column(name = "PIPELINE", length = 255)
    private String pipeline;

    @Column(name = "ENDPOINT", length = 255)
    private String endpoint;

    @Column(name = "OPERATION", length = 32)
    private String operation;

    @Column(name = "PATH", length = TEXT_LENGTH)
    private String path;

    @Column(name = "PRINCIPAL", length = 255)
    private String principal;

    @Column(name = "CLIENT_ADDRESS", length = 64)
    private String clientAddress;

    @Column(name = "CALLING_AET", length = 16)
    private String callingAet;

    @Column(name = "CALLED_AET", length = 16)
    private String calledAet;

    @Column(name = "SOP_CLASS_UID", length = 64)
    private String sopClassUid;

    @Column(name = "STUDY_UIDS", length = UID_LIST_LENGTH)
    private String studyUids;

    @Column(name = "SERIES_UIDS", length = UID_LIST_LENGTH)
    private String seriesUids;

    @Column(name = "SOP_INSTANCE_UIDS", length = UID_LIST_LENGTH)
    private String sopInstanceUids;

    @Column(name = "HTTP_STATUS")
    private Integer status;

    @Column(name = "DIMSE_STATUS", length = 4)
    private String dimseStatus;

    @Column(name = "OUTCOME", length = 32)
    private String outcome;

    @Column(name = "DETAIL", length = TEXT_LENGTH)
    private String detail;

    @Column(name = "DURATION_MS", nullable = false)
    private long durationMillis;

    /** For the persistence provider. */
    protected AuditEvent() {
    }

    AuditEvent(AuditRecord record, String auditSourceId) {
        this.epochMillis = Instant.parse(record.time()).toEpochMilli();
        this.time = record.time();
        this.auditSourceId = auditSourceId;
        this.exchangeId = record.exchangeId();
        this.protocol = record.protocol();
        this.network = record.network();
        this.pipeline = record.pipeline();
        this.endpoint = record.endpoint();
        this.operation = record.operation();
        this.path = cut(record.path());
        this.principal = record.principal();
        this.clientAddress = record.clientAddress();
        this.callingAet = record.callingAet();
        this.calledAet = record.calledAet();
        this.sopClassUid = record.sopClassUid();
        this.studyUids = uids(record.studyUids());
        this.seriesUids = uids(record.seriesUids());
        this.sopInstanceUids = uids(record.sopInstanceUids());
        this.status = record.status();
        this.dimseStatus = record.dimseStatus();
        this.outcome = record.outcome() == null ? null : record.outcome().label();
        this.detail = cut(record.detail());
        this.durationMillis = record.durationMillis();
    }

    /** The UIDs, space-separated; cut at a whole UID with a trailing "..." when too long. */
    static String uids(List<String> uids) {
        if (uids == null || uids.isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (String uid : uids) {
            if (joined.length() + uid.length() + 1 > UID_LIST_LENGTH - 4) {
                return joined.append(" ...").toString();
            }
            joined.append(joined.isEmpty() ? "" : " ").append(uid);
        }
        return joined.toString();
    }

    private static String cut(String text) {
        return text == null || text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH - 3) + "...";
    }
}
