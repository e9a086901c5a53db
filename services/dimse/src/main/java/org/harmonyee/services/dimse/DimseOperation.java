package org.harmonyee.services.dimse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The DIMSE services the backend performs, by their command name (a DICOM door's request method)
 * and their Harmony name (an HTTP door's {@code dimse_op}). Echo, find and get only read, so a
 * failure to connect is retried on the next target; move and store are not.
 */
enum DimseOperation {

    ECHO(DimseRequests.C_ECHO, "echo", true),
    FIND(DimseRequests.C_FIND, "find", true),
    GET(DimseRequests.C_GET, "get", true),
    MOVE(DimseRequests.C_MOVE, "move", false),
    STORE(DimseRequests.C_STORE, "store", false);

    private final String command;
    private final String harmonyName;
    private final boolean idempotent;

    DimseOperation(String command, String harmonyName, boolean idempotent) {
        this.command = command;
        this.harmonyName = harmonyName;
        this.idempotent = idempotent;
    }

    /** {@code C-FIND}, ... */
    String command() {
        return command;
    }

    /** Whether another target may be tried after a failure to connect. */
    boolean idempotent() {
        return idempotent;
    }

    static Optional<DimseOperation> ofCommand(String method) {
        return Arrays.stream(values()).filter(op -> op.command.equalsIgnoreCase(method)).findFirst();
    }

    static Optional<DimseOperation> ofHarmonyName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(op -> op.harmonyName.equals(key)).findFirst();
    }
}
