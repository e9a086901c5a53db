package org.harmonyee.dicom.net.dimse;

/** DIMSE status codes (PS3.7 C, PS3.4 service classes) and their classes. */
public final class Status {

    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;
    public static final int WARNING = 0xB000;
    public static final int COERCION_OF_DATA_ELEMENTS = 0xB000;
    public static final int ELEMENTS_DISCARDED = 0xB006;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = 0xB007;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int NO_SUCH_SOP_CLASS = 0x0118;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int MISTYPED_ARGUMENT = 0x0212;
    public static final int DUPLICATE_INVOCATION = 0x0210;
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int OUT_OF_RESOURCES_NUMBER_OF_MATCHES = 0xA701;
    public static final int OUT_OF_RESOURCES_SUB_OPERATIONS = 0xA702;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int UNABLE_TO_PROCESS = 0xC000;
    public static final int CANNOT_UNDERSTAND = 0xC000;

    private Status() {
    }

    public static boolean isPending(int status) {
        return status == PENDING || status == PENDING_WARNING;
    }

    /** Warning statuses: 0001, Bxxx. */
    public static boolean isWarning(int status) {
        return status == 0x0001 || (status & 0xF000) == 0xB000;
    }

    public static boolean isSuccess(int status) {
        return status == SUCCESS;
    }

    /** Neither success, warning, pending nor cancel. */
    public static boolean isFailure(int status) {
        return !isSuccess(status) && !isWarning(status) && !isPending(status) && status != CANCEL;
    }

    public static String toString(int status) {
        return String.format("%04XH", status);
    }
}
