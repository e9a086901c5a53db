package org.harmonyee.server.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.server.exchange.ExchangeCall;
import org.harmonyee.services.dimse.DimseRequests;

import java.util.Locale;
import java.util.Set;

/** How an exchange ended, as an auditor (and a dashboard) sees it. */
public enum Outcome {
    /** Served. */
    SUCCESS,
    /** Turned away before it reached a backend: not routed, not authenticated, not allowed. */
    REFUSED,
    /** Accepted, but the pipeline or its backend failed. */
    FAILED;

    private static final Set<Integer> REFUSING_STATUSES = Set.of(401, 403, 407);

    /** How an exchange ended: refused when it never reached a pipeline or a door refused it. */
    public static Outcome of(ExchangeCall call) {
        return of(call.response().status(), call.response().metadata().get(DimseRequests.STATUS),
                call.refused() || !call.request().metadata().containsKey(MetadataKeys.PIPELINE));
    }

    /**
     * @param status      the HTTP-style status answered
     * @param dimseStatus the DIMSE status a DICOM peer gave, four hex digits, or null
     * @param notRouted   whether the exchange never reached a pipeline (or a door refused it)
     */
    public static Outcome of(int status, String dimseStatus, boolean notRouted) {
        if (REFUSING_STATUSES.contains(status) || notRouted && status >= 400) {
            return REFUSED;
        }
        if (status >= 400 || dimseStatus != null && isFailure(dimseStatus)) {
            return FAILED;
        }
        return SUCCESS;
    }

    /** PS3.7 C: success 0000, pending FF00/FF01, warnings 0001 and Bxxx; everything else failed. */
    private static boolean isFailure(String dimseStatus) {
        String status = dimseStatus.toUpperCase(Locale.ROOT);
        return !(status.equals("0000") || status.equals("0001") || status.startsWith("FF") || status.startsWith("B"));
    }

    /** The lower-case name, as the JSON trail and the metrics' {@code outcome} label write it. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
