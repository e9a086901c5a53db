package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomStreamException;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs C-FIND (and, through {@link QueryRetrieveOperation}, C-GET and C-MOVE) requests on the
 * caller's Executor, so the association's reader stays free for C-CANCEL and sub-operation
 * responses. The identifier is read on the reader thread (it is small, bounded); the handler then
 * streams pending responses, and the final status is sent when it returns.
 */
public final class QueryRetrieveScp {

    private static final System.Logger LOG = DimseServiceRouter.LOG;

    private final Executor executor;
    private final Map<String, QueryRetrieveOperation> running = new ConcurrentHashMap<>();
    private CFindScp find;
    private RetrieveScp get;
    private RetrieveScp move;
    private DicomClient moveClient;
    private AeTable destinations;

    public QueryRetrieveScp(Executor executor) {
        this.executor = executor;
    }

    public QueryRetrieveScp find(CFindScp handler) {
        this.find = handler;
        return this;
    }

    public QueryRetrieveScp get(RetrieveScp handler) {
        this.get = handler;
        return this;
    }

    /** C-MOVE: the sub-operations go to destinations of {@code table}, through {@code client} (its AE title calls them). */
    public QueryRetrieveScp move(RetrieveScp handler, DicomClient client, AeTable table) {
        this.move = handler;
        this.moveClient = client;
        this.destinations = table;
        return this;
    }

    void start(ScpContext context, InputStream dataSet) throws IOException {
        Command request = context.request();
        Association association = context.association();
        if (dataSet == null) {
            refuse(context, Status.UNABLE_TO_PROCESS, "no identifier");
            return;
        }
        Attributes identifier;
        try {
            identifier = DataSets.read(dataSet, context.transferSyntax());
        } catch (DicomStreamException e) {
            refuse(context, Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "identifier cannot be parsed: " + e.getMessage());
            return;
        }
        QueryRetrieveOperation operation = switch (request.commandField()) {
            case CommandField.C_FIND_RQ -> find == null ? null : new QueryRetrieveOperation.Find(context, identifier, find);
            case CommandField.C_GET_RQ -> get == null ? null : new RetrieveOperation(context, identifier, get, null, null);
            case CommandField.C_MOVE_RQ -> move == null ? null
                    : new RetrieveOperation(context, identifier, move, moveClient, destinations);
            default -> null;
        };
        if (operation == null) {
            refuse(context, Status.SOP_CLASS_NOT_SUPPORTED, CommandField.name(request.commandField()) + " is not served here");
            return;
        }
        String key = key(association, request.messageId());
        if (running.putIfAbsent(key, operation) != null) {
            refuse(context, Status.DUPLICATE_INVOCATION, "message id " + request.messageId() + " is already running");
            return;
        }
        association.beginWork();
        try {
            executor.execute(() -> run(key, operation));
        } catch (RuntimeException e) {
            running.remove(key);
            association.endWork();
            refuse(context, Status.OUT_OF_RESOURCES, "no thread to run it");
        }
    }

    private void run(String key, QueryRetrieveOperation operation) {
        try {
            operation.run();
        } finally {
            running.remove(key);
            operation.context().association().endWork();
        }
    }

    void cancel(Association association, int messageId) {
        QueryRetrieveOperation operation = running.get(key(association, messageId));
        if (operation != null) {
            LOG.log(Level.INFO, () -> association.name() + ": C-CANCEL-RQ[" + messageId + "]");
            operation.cancel();
        }
    }

    private static String key(Association association, int messageId) {
        return association.name() + "#" + messageId;
    }

    private static void refuse(ScpContext context, int status, String comment) throws IOException {
        LOG.log(Level.INFO, () -> context + ": " + context.request() + " -> " + Status.toString(status) + " " + comment);
        context.association().send(context.presentationContext().id(),
                Command.response(context.request(), status).errorComment(comment), null);
    }

    static void sendFinal(ScpContext context, int status, String comment, Command template) {
        Command response = template != null ? template : Command.response(context.request(), status);
        response.errorComment(comment);
        try {
            context.association().send(context.presentationContext().id(), response, null);
            LOG.log(Level.INFO, () -> context + ": " + context.request() + " -> " + Status.toString(status));
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> context + ": could not answer " + context.request() + ": " + e.getMessage());
        }
    }

    /** For handler failures that are not a DimseException: logged with their trace, answered C000. */
    static DimseException unexpected(ScpContext context, RuntimeException e) {
        LOG.log(Level.ERROR, context + ": " + context.request() + " failed", e);
        return new DimseException(Status.UNABLE_TO_PROCESS, "unable to process: " + e.getClass().getSimpleName());
    }
}
