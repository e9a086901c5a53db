package org.harmonyee.rar.inbound;

import jakarta.resource.ResourceException;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomStreamException;
import org.harmonyee.dicom.json.DicomJson;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.net.service.ScpContext;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.rar.api.DimseStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * C-GET and C-MOVE, delivered on a Work of their own so that the association's reader stays free
 * for C-CANCEL and the responses to C-GET's sub-operations. The identifier is read on the reader
 * (it is small and bounded); the listener then sends progress, performs sub-operations and
 * completes; a listener that fails or gives no final status is answered 0110.
 */
final class RetrieveDelivery {

    private static final System.Logger LOG = ListenerRequestHandler.LOG;
    private static final long MAX_IDENTIFIER = 4L * 1024 * 1024;

    private final String network;
    private final EndpointDelivery delivery;
    private final Executor executor;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    RetrieveDelivery(String network, EndpointDelivery delivery, Executor executor) {
        this.network = network;
        this.delivery = delivery;
        this.executor = executor;
    }

    void start(Association association, PresentationContext context, Command command, InputStream dataSet)
            throws IOException {
        ScpContext scp = new ScpContext(association, context, command);
        if (!context.abstractSyntax().equals(command.affectedSopClassUid())) {
            drain(dataSet);
            refuse(scp, Status.SOP_CLASS_NOT_SUPPORTED, "Affected SOP Class is not the context's");
            return;
        }
        if (dataSet == null) {
            refuse(scp, Status.UNABLE_TO_PROCESS, "no identifier");
            return;
        }
        String identifier;
        try {
            Attributes keys = new DicomInputStream(dataSet).memoryLimit(MAX_IDENTIFIER)
                    .readDataset(TransferSyntax.of(context.transferSyntax()));
            identifier = DicomJson.toJson(keys);
        } catch (DicomStreamException e) {
            refuse(scp, Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "identifier cannot be parsed");
            return;
        }
        String key = ListenerRequestHandler.key(association, command.messageId());
        AtomicBoolean cancelled = new AtomicBoolean();
        if (running.putIfAbsent(key, cancelled) != null) {
            refuse(scp, Status.DUPLICATE_INVOCATION, "message id " + command.messageId() + " is already running");
            return;
        }
        association.beginWork();
        try {
            executor.execute(() -> run(key, scp, identifier, cancelled));
        } catch (RejectedExecutionException e) {
            running.remove(key);
            association.endWork();
            LOG.log(Level.WARNING, () -> association.name() + ": " + command + ": no thread: " + e.getMessage());
            refuse(scp, Status.OUT_OF_RESOURCES, "no thread to run it");
        }
    }

    void cancel(String key) {
        AtomicBoolean cancelled = running.get(key);
        if (cancelled != null) {
            cancelled.set(true);
        }
    }

    private void run(String key, ScpContext scp, String identifier, AtomicBoolean cancelled) {
        InboundRequest request = InboundRequest.of(network, scp.association(), scp.presentationContext(), scp.request(),
                identifier, null);
        InboundResponder responder = new InboundResponder(scp, request.operation(), null, cancelled);
        try {
            deliver(request, responder);
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> request + " ended: " + e.getMessage());
        } finally {
            running.remove(key);
            scp.association().endWork();
        }
    }

    private void deliver(InboundRequest request, InboundResponder responder) throws IOException {
        DimseException failure = null;
        try {
            delivery.onRequest(request, responder);
        } catch (ResourceException | RuntimeException e) {
            failure = ListenerRequestHandler.failed(request, e);
        }
        if (responder.finalStatus() != null) {
            return;
        }
        if (failure == null) {
            failure = ListenerRequestHandler.noFinalStatus(request);
        }
        responder.sendFinal(DimseStatus.of(failure.status(), failure.errorComment()));
    }

    private static void drain(InputStream dataSet) throws IOException {
        if (dataSet != null) {
            dataSet.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void refuse(ScpContext context, int status, String comment) throws IOException {
        LOG.log(Level.INFO, () -> context + ": " + context.request() + " -> " + Status.toString(status) + " " + comment);
        context.association().send(context.presentationContext().id(),
                Command.response(context.request(), status).errorComment(comment), null);
    }
}
