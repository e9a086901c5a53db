package org.harmonyee.services.dimse;

import org.harmonyee.dicom.net.dimse.Status;

import java.util.Set;

/**
 * The answers by which a PACS refuses a C-GET that a C-MOVE may still perform
 * ({@code dimse_retrieve_mode = "get_or_move"}): no presentation context accepted for the C-GET
 * model, or SOP class not supported (0122), not authorized (0124), unrecognized operation (0211),
 * or unable to perform the sub-operations (A702: the PACS found no storage context on the C-GET's
 * association for what it holds). Other failures (no match, A900, Cxxx, a lost connection) would
 * fail a C-MOVE alike and are answered as they are.
 */
final class RefusedGet {

    private static final int NOT_AUTHORIZED = 0x0124;
    private static final Set<Integer> REFUSALS = Set.of(Status.SOP_CLASS_NOT_SUPPORTED, NOT_AUTHORIZED,
            Status.UNRECOGNIZED_OPERATION, Status.OUT_OF_RESOURCES_SUB_OPERATIONS);

    private RefusedGet() {
    }

    static boolean isRefusal(int status) {
        return REFUSALS.contains(status);
    }
}
