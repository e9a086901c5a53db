package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Query/Retrieve C-GET and C-MOVE SCU (PS3.4 C.4.2, C.4.3). The instances of a C-GET arrive as
 * C-STORE sub-operations on the same association (the caller's {@link CStoreScp}, installed by
 * {@link ScuAssociation}); those of a C-MOVE go to the destination AE on associations of their own.
 * Each pending response's counters go to the {@link Listener}, which may cancel (C-CANCEL-RQ).
 */
public final class RetrieveScu {

    /** Follows a retrieve; called on the association's reader thread. */
    @FunctionalInterface
    public interface Listener {

        Listener NONE = progress -> true;

        /** @return false to cancel the retrieve */
        boolean onPending(SubOperations progress);
    }

    private RetrieveScu() {
    }

    public static RetrieveResult get(Association association, String sopClassUid, Attributes keys, Priority priority,
                                     Listener listener) throws IOException, DimseException {
        return retrieve(association, CommandField.C_GET_RQ, association.nextMessageId(), sopClassUid, keys, priority,
                null, listener);
    }

    public static RetrieveResult move(Association association, String sopClassUid, Attributes keys, String destination,
                                      Priority priority, Listener listener) throws IOException, DimseException {
        return move(association, association.nextMessageId(), sopClassUid, keys, destination, priority, listener);
    }

    /**
     * A C-MOVE whose Message ID is {@code messageId}: the destination sees it as the Move Originator
     * Message ID of each sub-operation, so a destination that receives for several moves at once
     * can tell them apart when their IDs are unique across its requestors' associations.
     */
    public static RetrieveResult move(Association association, int messageId, String sopClassUid, Attributes keys,
                                      String destination, Priority priority, Listener listener)
            throws IOException, DimseException {
        return retrieve(association, CommandField.C_MOVE_RQ, messageId, sopClassUid, keys, priority, destination,
                listener);
    }

    private static RetrieveResult retrieve(Association association, int field, int messageId, String sopClassUid,
                                           Attributes keys, Priority priority, String destination, Listener listener)
            throws IOException, DimseException {
        PresentationContext context = association.acceptedContext(sopClassUid, null);
        if (context == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no context accepted for " + sopClassUid);
        }
        Command request = Command.queryRetrieveRQ(field, messageId, sopClassUid, priority);
        if (destination != null) {
            request.setString(Tag.MoveDestination, VR.AE, destination);
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        FinalResponse response = new FinalResponse() {
            @Override
            public void onPending(Command pending, InputStream dataSet) throws IOException {
                if (!listener.onPending(SubOperations.of(pending)) && cancelled.compareAndSet(false, true)) {
                    association.send(context.id(), Command.cCancelRQ(request.messageId()), null);
                }
            }
        };
        association.invoke(context.id(), request, DataSets.writer(keys, context.transferSyntax()), response);
        Command answer = response.await();
        if (Status.isFailure(answer.status())) {
            throw new DimseException(answer.status(), answer.errorComment());
        }
        return new RetrieveResult(answer.status(), SubOperations.of(answer), answer.errorComment());
    }
}
