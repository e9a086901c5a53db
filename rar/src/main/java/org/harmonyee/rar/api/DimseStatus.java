package org.harmonyee.rar.api;

import java.util.List;

/**
 * The final response of a request (PS3.7 C): the status, an ErrorComment (0000,0902) the caller
 * reads (at most 64 characters; longer is cut; never patient data or stack traces), and for C-GET
 * and C-MOVE the final sub-operation counters and the SOP instances whose sub-operation failed.
 *
 * @param subOperations C-GET/C-MOVE counters (remaining is ignored: a final response has none), or null
 */
public record DimseStatus(int code, String errorComment, SubOperations subOperations,
                          List<String> failedSopInstanceUids) {

    public static final int SUCCESS = 0x0000;
    /** C-FIND, C-GET, C-MOVE: matching or sub-operations ended by C-CANCEL. */
    public static final int CANCEL = 0xFE00;
    /** C-GET, C-MOVE: some sub-operations failed or completed with a warning. */
    public static final int WARNING_SUB_OPERATIONS = 0xB000;
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int OUT_OF_RESOURCES_SUB_OPERATIONS = 0xA702;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    /** C-FIND, C-GET, C-MOVE: "Unable to process"; C-STORE: "Cannot understand" (the Cxxx failures). */
    public static final int UNABLE_TO_PROCESS = 0xC000;

    public DimseStatus {
        failedSopInstanceUids = failedSopInstanceUids == null ? List.of() : List.copyOf(failedSopInstanceUids);
    }

    public static DimseStatus success() {
        return new DimseStatus(SUCCESS, null, null, List.of());
    }

    /** A status without counters: success, a warning, or a failure with its ErrorComment. */
    public static DimseStatus of(int code, String errorComment) {
        return new DimseStatus(code, errorComment, null, List.of());
    }

    /** The final status of a C-GET or C-MOVE, with its counters and the instances that failed. */
    public static DimseStatus retrieve(int code, SubOperations subOperations, List<String> failedSopInstanceUids) {
        return new DimseStatus(code, null, subOperations, failedSopInstanceUids);
    }

    /** Neither success, warning (0001, Bxxx), pending (FF00, FF01) nor cancel (FE00). */
    public boolean isFailure() {
        return code != SUCCESS && code != 0x0001 && (code & 0xF000) != 0xB000 && code != 0xFF00 && code != 0xFF01
                && code != CANCEL;
    }

    @Override
    public String toString() {
        return String.format("%04XH", code) + (errorComment == null ? "" : " " + errorComment);
    }
}
