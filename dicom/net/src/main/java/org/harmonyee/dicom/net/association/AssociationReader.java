package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandCodec;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.pdu.AssociatePduEncoder;
import org.harmonyee.dicom.net.pdu.PduException;
import org.harmonyee.dicom.net.pdu.PduInput;
import org.harmonyee.dicom.net.pdu.PduType;
import org.harmonyee.dicom.net.pdu.PeerAbortException;
import org.harmonyee.dicom.net.pdu.PresentationContext;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The receive loop of one association (PS3.8 state machine, established and release states):
 * assembles command sets from PDVs, gives each message to the request or response handler with its
 * data set as a stream ({@link PDataInputStream}), answers A-RELEASE-RQ, and turns anything
 * unexpected or malformed into an A-ABORT and a close. It always ends by closing the association.
 */
final class AssociationReader implements Runnable {

    private static final int MAX_COMMAND = 64 * 1024;

    private final Association association;
    private final PduInput in;

    AssociationReader(Association association) {
        this.association = association;
        this.in = association.input();
    }

    @Override
    public void run() {
        String name = association.name();
        IOException cause = null;
        try {
            while (readMessage()) {
                association.touch();
            }
        } catch (PduException e) {
            cause = e;
            association.abort(e.abort(), e.getMessage());
        } catch (PeerAbortException e) {
            cause = e;
            Association.LOG.log(Level.INFO, () -> name + ": received " + e.abort());
        } catch (IOException e) {
            cause = e;
            if (association.isOpen()) {
                association.abort(AAbort.byUser(), e.toString());
            }
        } catch (RuntimeException e) {
            cause = new IOException(e);
            Association.LOG.log(Level.ERROR, name + ": a handler failed", e);
            association.abort(AAbort.byUser(), "a handler failed: " + e);
        } finally {
            association.ended(cause);
            Association.LOG.log(Level.DEBUG, () -> name + ": closed");
        }
    }

    /** Reads and dispatches one message; false once the association is released. */
    private boolean readMessage() throws IOException {
        PduInput.Pdv first = nextPdv(true);
        if (first == null) {
            return false;
        }
        if (!first.command()) {
            throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, "a data set PDV where a command was expected");
        }
        int contextId = first.presentationContextId();
        PresentationContext context = association.acceptedContext(contextId);
        if (context == null) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "presentation context " + contextId + " is not accepted");
        }
        Command command = decode(readCommand(first));
        association.touch();
        Association.LOG.log(Level.DEBUG, () -> association.name() + ": received " + command);
        PDataInputStream dataSet = command.hasDataSet() ? new PDataInputStream(this, contextId) : null;
        dispatch(context, command, dataSet);
        if (dataSet != null) {
            dataSet.skipRest();
        }
        return true;
    }

    private static Command decode(byte[] commandSet) throws PduException {
        try {
            return CommandCodec.decode(commandSet);
        } catch (IOException e) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "undecodable command set: " + e.getMessage());
        }
    }

    private byte[] readCommand(PduInput.Pdv first) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        byte[] buffer = new byte[8192];
        PduInput.Pdv pdv = first;
        while (true) {
            for (int n = in.readPdv(buffer, 0, buffer.length); n > 0; n = in.readPdv(buffer, 0, buffer.length)) {
                bytes.write(buffer, 0, n);
            }
            if (bytes.size() > MAX_COMMAND) {
                throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "a command set over " + MAX_COMMAND + " bytes");
            }
            if (pdv.last()) {
                return bytes.toByteArray();
            }
            pdv = nextPdv(false);
            if (!pdv.command() || pdv.presentationContextId() != first.presentationContextId()) {
                throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, "a command set interrupted by another PDV");
            }
        }
    }

    private void dispatch(PresentationContext context, Command command, PDataInputStream dataSet) throws IOException {
        int field = command.commandField();
        if (!CommandField.isResponse(field)) {
            association.requestHandler().onRequest(association, field == CommandField.C_CANCEL_RQ ? null : context,
                    command, dataSet);
            return;
        }
        boolean pending = Status.isPending(command.status());
        ResponseHandler handler = association.responseHandler(command.messageIdBeingRespondedTo(), !pending);
        if (handler == null) {
            Association.LOG.log(Level.WARNING, () -> association.name() + ": " + command + " answers no outstanding request");
        } else if (pending) {
            handler.onPending(command, dataSet);
        } else {
            handler.onFinal(command, dataSet);
        }
    }

    /**
     * The next PDV, reading PDUs as needed. Between messages an A-RELEASE-RQ is answered (null:
     * released) and an A-RELEASE-RP ends a release this side asked for; inside a message both are
     * protocol errors. An A-ABORT is a {@link PeerAbortException}.
     */
    PduInput.Pdv nextPdv(boolean betweenMessages) throws IOException {
        while (true) {
            if (in.type() == PduType.P_DATA_TF) {
                PduInput.Pdv pdv = in.nextPdv();
                if (pdv != null) {
                    return pdv;
                }
            }
            int type;
            try {
                type = in.nextPdu();
            } catch (EOFException e) {
                if (betweenMessages && association.releaseRequested()) {
                    return null;
                }
                throw e;
            }
            association.touch();
            switch (type) {
                case PduType.P_DATA_TF -> {
                    // its PDVs are read at the top of the loop
                }
                case PduType.A_ABORT -> {
                    byte[] body = in.body();
                    throw new PeerAbortException(new AAbort(body[2] & 0xFF, body[3] & 0xFF));
                }
                case PduType.A_RELEASE_RQ -> {
                    in.body();
                    expectBetweenMessages(betweenMessages, type);
                    Association.LOG.log(Level.DEBUG, () -> association.name() + ": A-RELEASE-RQ, answering A-RELEASE-RP");
                    association.writePdu(AssociatePduEncoder.encode(PduType.A_RELEASE_RP, 0, 0, 0));
                    return null;
                }
                case PduType.A_RELEASE_RP -> {
                    in.body();
                    if (!association.releaseRequested()) {
                        throw new PduException(AAbort.UNEXPECTED_PDU, "A-RELEASE-RP without an A-RELEASE-RQ");
                    }
                    expectBetweenMessages(betweenMessages, type);
                    return null;
                }
                default -> throw new PduException(AAbort.UNEXPECTED_PDU, PduType.name(type) + " on an established association");
            }
        }
    }

    private static void expectBetweenMessages(boolean betweenMessages, int type) throws PduException {
        if (!betweenMessages) {
            throw new PduException(AAbort.UNEXPECTED_PDU, PduType.name(type) + " inside a DIMSE message");
        }
    }

    PduInput input() {
        return in;
    }
}
