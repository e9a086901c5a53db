package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.pdu.PduException;
import org.harmonyee.dicom.net.pdu.PduInput;

import java.io.IOException;
import java.io.InputStream;

/**
 * The data set of one received message, read straight from the PDVs as they arrive (never
 * buffered whole); it ends after the PDV with the "last" bit. Closing it skips what is left.
 */
final class PDataInputStream extends InputStream {

    private final AssociationReader reader;
    private final PduInput in;
    private final int contextId;
    private boolean last;
    private boolean started;

    PDataInputStream(AssociationReader reader, int contextId) {
        this.reader = reader;
        this.in = reader.input();
        this.contextId = contextId;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!started || in.pdvRemaining() == 0) {
            if (started && last) {
                return -1;
            }
            next();
        }
        return in.readPdv(buffer, offset, length);
    }

    private void next() throws IOException {
        PduInput.Pdv pdv = reader.nextPdv(false);
        if (pdv.command() || pdv.presentationContextId() != contextId) {
            throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, "a data set of context " + contextId
                    + " interrupted by a " + (pdv.command() ? "command" : "data") + " PDV of context "
                    + pdv.presentationContextId());
        }
        started = true;
        last = pdv.last();
    }

    void skipRest() throws IOException {
        byte[] buffer = new byte[16 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // discarded: the handler did not need the rest
        }
    }

    @Override
    public void close() throws IOException {
        skipRest();
    }
}
