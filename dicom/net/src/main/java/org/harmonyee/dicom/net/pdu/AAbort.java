package org.harmonyee.dicom.net.pdu;

/** A-ABORT (PS3.8 9.3.8): source (0 service user, 2 service provider) and reason (provider only). */
public record AAbort(int source, int reason) {

    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int UNRECOGNIZED_PDU = 1;
    public static final int UNEXPECTED_PDU = 2;
    public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int UNEXPECTED_PDU_PARAMETER = 5;
    public static final int INVALID_PDU_PARAMETER_VALUE = 6;

    public static AAbort byUser() {
        return new AAbort(SOURCE_SERVICE_USER, REASON_NOT_SPECIFIED);
    }

    public static AAbort byProvider(int reason) {
        return new AAbort(SOURCE_SERVICE_PROVIDER, reason);
    }

    @Override
    public String toString() {
        String reasonText = switch (reason) {
            case UNRECOGNIZED_PDU -> "unrecognized-PDU";
            case UNEXPECTED_PDU -> "unexpected-PDU";
            case UNRECOGNIZED_PDU_PARAMETER -> "unrecognized-PDU-parameter";
            case UNEXPECTED_PDU_PARAMETER -> "unexpected-PDU-parameter";
            case INVALID_PDU_PARAMETER_VALUE -> "invalid-PDU-parameter-value";
            default -> "reason-not-specified";
        };
        return "A-ABORT " + (source == SOURCE_SERVICE_USER ? "service-user" : "service-provider " + reasonText);
    }
}
