package org.harmonyee.dicom.net.pdu;

import java.io.IOException;

/**
 * A PDU that is malformed, oversized or unexpected: the association must be aborted with
 * {@link #abort()} and closed. Checked, because every reader of a peer's bytes must handle it.
 */
public final class PduException extends IOException {

    private final transient AAbort abort;

    public PduException(int abortReason, String message) {
        super(message);
        this.abort = AAbort.byProvider(abortReason);
    }

    /** The A-ABORT to send to the peer. */
    public AAbort abort() {
        return abort;
    }
}
