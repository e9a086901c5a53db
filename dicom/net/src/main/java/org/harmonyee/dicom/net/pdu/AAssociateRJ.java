package org.harmonyee.dicom.net.pdu;

/** A-ASSOCIATE-RJ (PS3.8 9.3.4): result, source and reason/diagnostic. */
public record AAssociateRJ(int result, int source, int reason) {

    public static final int REJECTED_PERMANENT = 1;
    public static final int REJECTED_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    /** Reasons when the source is the service user; no-reason-given (1) is also the ACSE provider's. */
    public static final int NO_REASON_GIVEN = 1;
    public static final int APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2;
    public static final int CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
    public static final int CALLED_AE_TITLE_NOT_RECOGNIZED = 7;
    /** Reasons when the source is the ACSE service provider. */
    public static final int PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    /** Reasons when the source is the presentation service provider. */
    public static final int TEMPORARY_CONGESTION = 1;
    public static final int LOCAL_LIMIT_EXCEEDED = 2;

    @Override
    public String toString() {
        String resultText = result == REJECTED_PERMANENT ? "rejected-permanent"
                : result == REJECTED_TRANSIENT ? "rejected-transient" : "result " + result;
        return "A-ASSOCIATE-RJ " + resultText + ", " + reasonText();
    }

    private String reasonText() {
        return switch (source) {
            case SOURCE_SERVICE_USER -> "service-user: " + switch (reason) {
                case NO_REASON_GIVEN -> "no-reason-given";
                case APPLICATION_CONTEXT_NAME_NOT_SUPPORTED -> "application-context-name-not-supported";
                case CALLING_AE_TITLE_NOT_RECOGNIZED -> "calling-AE-title-not-recognized";
                case CALLED_AE_TITLE_NOT_RECOGNIZED -> "called-AE-title-not-recognized";
                default -> "reason " + reason;
            };
            case SOURCE_SERVICE_PROVIDER_ACSE -> "service-provider (ACSE): "
                    + (reason == PROTOCOL_VERSION_NOT_SUPPORTED ? "protocol-version-not-supported" : "no-reason-given");
            case SOURCE_SERVICE_PROVIDER_PRESENTATION -> "service-provider (presentation): "
                    + (reason == TEMPORARY_CONGESTION ? "temporary-congestion"
                    : reason == LOCAL_LIMIT_EXCEEDED ? "local-limit-exceeded" : "reason " + reason);
            default -> "source " + source + " reason " + reason;
        };
    }
}
