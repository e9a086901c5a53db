package org.harmonyee.dicom.net.pdu;

import java.io.IOException;

/** The peer sent an A-ABORT: the association is gone. Checked, as every exchange can meet it. */
public final class PeerAbortException extends IOException {

    private final transient AAbort abort;

    public PeerAbortException(AAbort abort) {
        super("the peer aborted the association: " + abort);
        this.abort = abort;
    }

    public AAbort abort() {
        return abort;
    }
}
