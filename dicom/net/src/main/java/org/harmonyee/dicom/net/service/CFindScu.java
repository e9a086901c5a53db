package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Query/Retrieve C-FIND SCU (PS3.4 C.4.1): each pending response's identifier goes to the caller's
 * {@link Matches} as it arrives (on the association's reader thread); when that returns false, a
 * C-CANCEL-RQ is sent and the remaining responses are drained until the final one (FE00, or
 * Success when the SCP had already finished).
 */
public final class CFindScu {

    private static final System.Logger LOG = System.getLogger(CFindScu.class.getName());

    /** Receives the matches of a C-FIND. */
    @FunctionalInterface
    public interface Matches {

        /** @return false to cancel the query (C-CANCEL-RQ) */
        boolean onMatch(Attributes match) throws IOException;
    }

    private CFindScu() {
    }

    /**
     * @return the final status: 0000, FE00 (cancelled) or a warning
     * @throws DimseException the SCP's failure status (A700, A900, C000 ...) with its ErrorComment
     */
    public static int find(Association association, String sopClassUid, Attributes keys, Priority priority,
                           Matches matches) throws IOException, DimseException {
        PresentationContext context = association.acceptedContext(sopClassUid, null);
        if (context == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no context accepted for " + sopClassUid);
        }
        Command request = Command.queryRetrieveRQ(CommandField.C_FIND_RQ, association.nextMessageId(), sopClassUid,
                priority);
        AtomicBoolean cancelled = new AtomicBoolean();
        FinalResponse response = new FinalResponse() {
            @Override
            public void onPending(Command pending, InputStream dataSet) throws IOException {
                if (dataSet == null || cancelled.get()) {
                    return;
                }
                Attributes match = DataSets.read(dataSet, context.transferSyntax());
                if (!matches.onMatch(match) && cancelled.compareAndSet(false, true)) {
                    LOG.log(Level.DEBUG, () -> association.name() + ": C-CANCEL-RQ[" + request.messageId() + "]");
                    association.send(context.id(), Command.cCancelRQ(request.messageId()), null);
                }
            }
        };
        association.invoke(context.id(), request, DataSets.writer(keys, context.transferSyntax()), response);
        Command answer = response.await();
        if (Status.isFailure(answer.status())) {
            throw new DimseException(answer.status(), answer.errorComment());
        }
        return answer.status();
    }
}
