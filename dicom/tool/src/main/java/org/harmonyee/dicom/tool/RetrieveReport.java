package org.harmonyee.dicom.tool;

import java.io.PrintStream;

import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.SubOperations;

/** The summary line of a C-GET or C-MOVE, and exit status 1 when a sub-operation failed. */
final class RetrieveReport {

    private RetrieveReport() {
    }

    /** @param what the operation and its peers, {@code C-GET PACS@host:104} */
    static void print(PrintStream out, String what, RetrieveResult result) throws CommandException {
        SubOperations counts = result.subOperations();
        out.printf("%s: %d completed, %d failed, %d warning, status %04X%s%n", what, Math.max(counts.completed(), 0),
                Math.max(counts.failed(), 0), Math.max(counts.warning(), 0), result.status(),
                result.errorComment() == null ? "" : " (" + result.errorComment() + ")");
        if (result.status() == Status.CANCEL) {
            throw CommandException.failure("cancelled by the SCP");
        }
        if (counts.failed() > 0) {
            throw CommandException.failure(counts.failed() + " sub-operations failed");
        }
    }
}
