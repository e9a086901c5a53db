package org.harmonyee.rar.api;

import java.util.Objects;

/**
 * The listener's answer to an {@link AssociationRequest}: accept, or reject with the reason the
 * requestor reads in the A-ASSOCIATE-RJ (PS3.8 9.3.4) and a detail for the log only.
 */
public record AssociationDecision(Rejection rejection, String detail) {

    private static final AssociationDecision ACCEPT = new AssociationDecision(null, null);

    public static AssociationDecision accept() {
        return ACCEPT;
    }

    /** @param detail why, for the log line of the rejection (never sent to the requestor) */
    public static AssociationDecision reject(Rejection rejection, String detail) {
        return new AssociationDecision(Objects.requireNonNull(rejection, "rejection"), detail);
    }

    public boolean accepted() {
        return rejection == null;
    }

    /** The A-ASSOCIATE-RJ reasons a gateway gives. */
    public enum Rejection {
        /** rejected-permanent, service-user: called-AE-title-not-recognized. */
        CALLED_AE_TITLE_NOT_RECOGNIZED,
        /** rejected-permanent, service-user: calling-AE-title-not-recognized. */
        CALLING_AE_TITLE_NOT_RECOGNIZED,
        /** rejected-permanent, service-user: no-reason-given. */
        NO_REASON_GIVEN,
        /** rejected-transient, service-provider (presentation): temporary-congestion; the requestor may retry. */
        TEMPORARY_CONGESTION
    }
}
