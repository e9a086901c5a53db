package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.RequestHandler;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;

/**
 * The SCP side of DIMSE: routes each request of an association to the handler registered for its
 * service, and answers it. A handler's {@link DimseException} becomes the response status and
 * ErrorComment, written here and nowhere else; a request for a service without a handler is
 * answered 0211 (unrecognized operation). Before any handler runs, a request whose Affected SOP
 * Class UID is not the abstract syntax of its presentation context is refused
 * ({@link AffectedSopClassCheck}). Register handlers before the acceptor starts.
 */
public final class DimseServiceRouter implements RequestHandler {

    static final System.Logger LOG = System.getLogger(DimseServiceRouter.class.getName());

    private CEchoScp echo = CEchoScp.SUCCESS;
    private CStoreScp store;
    private final QueryRetrieveScp queryRetrieve;

    /** @param queryRetrieve runs C-FIND, C-GET and C-MOVE handlers off the reader thread */
    public DimseServiceRouter(QueryRetrieveScp queryRetrieve) {
        this.queryRetrieve = queryRetrieve;
    }

    public DimseServiceRouter echo(CEchoScp handler) {
        this.echo = handler;
        return this;
    }

    public DimseServiceRouter store(CStoreScp handler) {
        this.store = handler;
        return this;
    }

    @Override
    public void onRequest(Association association, PresentationContext context, Command request, InputStream dataSet)
            throws IOException {
        DimseException mismatch = AffectedSopClassCheck.check(context, request);
        if (mismatch != null) {
            refuseUnread(new ScpContext(association, context, request), dataSet, mismatch);
            return;
        }
        switch (request.commandField()) {
            case CommandField.C_ECHO_RQ -> answer(new ScpContext(association, context, request), () -> {
                echo.echo(new ScpContext(association, context, request));
                return Status.SUCCESS;
            });
            case CommandField.C_STORE_RQ -> answer(new ScpContext(association, context, request),
                    () -> storeOrRefuse(new ScpContext(association, context, request), dataSet));
            case CommandField.C_FIND_RQ, CommandField.C_GET_RQ, CommandField.C_MOVE_RQ ->
                    queryRetrieve.start(new ScpContext(association, context, request), dataSet);
            case CommandField.C_CANCEL_RQ -> queryRetrieve.cancel(association, request.messageIdBeingRespondedTo());
            default -> answer(new ScpContext(association, context, request), () -> {
                throw new DimseException(Status.UNRECOGNIZED_OPERATION, CommandField.name(request.commandField())
                        + " is not supported");
            });
        }
    }

    /** Answers {@code refusal} after draining the data set unread: nothing of it is kept in memory. */
    private static void refuseUnread(ScpContext context, InputStream dataSet, DimseException refusal) throws IOException {
        if (dataSet != null) {
            dataSet.transferTo(OutputStream.nullOutputStream());
        }
        answer(context, () -> {
            throw refusal;
        });
    }

    private int storeOrRefuse(ScpContext context, InputStream dataSet) throws DimseException, IOException {
        if (store == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no storage service here");
        }
        return store.store(context, dataSet);
    }

    /** The work of a request, returning its final status. */
    @FunctionalInterface
    interface Work {
        int run() throws DimseException, IOException;
    }

    private static void answer(ScpContext context, Work work) throws IOException {
        Command response;
        try {
            response = Command.response(context.request(), work.run());
        } catch (DimseException e) {
            LOG.log(Level.INFO, () -> context + ": " + context.request() + " failed: " + e.getMessage());
            response = Command.response(context.request(), e.status()).errorComment(e.errorComment());
        }
        Command sent = response;
        context.association().send(context.presentationContext().id(), response, null);
        LOG.log(Level.INFO, () -> context + ": " + context.request() + " -> " + Status.toString(sent.status()));
    }
}
