package org.harmonyee.rar.inbound;

import jakarta.resource.ResourceException;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.json.DicomJson;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.RequestHandler;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.net.service.CFindScp;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.service.ScpContext;
import org.harmonyee.rar.api.DimseStatus;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The requests of one listener's associations, delivered to the message endpoint. C-ECHO, C-STORE
 * and C-FIND go through the toolkit's {@link DimseServiceRouter} and its handler SPI (CEchoScp,
 * CStoreScp, CFindScp: the router checks the Affected SOP Class, runs C-FIND on the Executor, turns
 * a C-CANCEL into FE00 and writes every final response). C-GET and C-MOVE go to
 * {@link RetrieveDelivery}: the toolkit's RetrieveScp selects stored files and performs the
 * sub-operations itself, while here the gateway drives them.
 */
final class ListenerRequestHandler implements RequestHandler {

    static final System.Logger LOG = System.getLogger(ListenerRequestHandler.class.getName());

    private final String network;
    private final EndpointDelivery delivery;
    private final DimseServiceRouter router;
    private final RetrieveDelivery retrieves;
    private final Map<String, AtomicBoolean> findsRunning = new ConcurrentHashMap<>();
    private final AssociationActivity activity;

    ListenerRequestHandler(String network, EndpointDelivery delivery, Executor executor, AssociationActivity activity) {
        this.network = network;
        this.activity = activity;
        this.delivery = delivery;
        this.router = new DimseServiceRouter(new QueryRetrieveScp(executor).find(this::find))
                .echo(context -> deliver(context, null, null, null))
                .store((context, dataSet) -> deliver(context, null, dataSet, null));
        this.retrieves = new RetrieveDelivery(network, delivery, executor);
    }

    @Override
    public void onRequest(Association association, PresentationContext context, Command command, InputStream dataSet)
            throws IOException {
        if (command.commandField() != CommandField.C_CANCEL_RQ) {
            activity.record(association, command);
        }
        switch (command.commandField()) {
            case CommandField.C_GET_RQ, CommandField.C_MOVE_RQ -> retrieves.start(association, context, command, dataSet);
            case CommandField.C_CANCEL_RQ -> {
                String key = key(association, command.messageIdBeingRespondedTo());
                AtomicBoolean find = findsRunning.get(key);
                if (find != null) {
                    find.set(true);
                }
                retrieves.cancel(key);
                router.onRequest(association, context, command, dataSet);
            }
            default -> router.onRequest(association, context, command, dataSet);
        }
    }

    private void find(ScpContext context, Attributes identifier, CFindScp.Matches matches) throws DimseException,
            IOException {
        String key = key(context.association(), context.request().messageId());
        AtomicBoolean cancelled = new AtomicBoolean();
        findsRunning.put(key, cancelled);
        try {
            deliver(context, DicomJson.toJson(identifier), null, new Responders(matches, cancelled));
        } finally {
            findsRunning.remove(key);
        }
    }

    /**
     * Delivers a request whose final response the router writes: the listener's status returned
     * (success, warning), a failure thrown as the DimseException the router answers with.
     */
    private int deliver(ScpContext context, String identifierJson, InputStream dataSet, Responders find)
            throws DimseException {
        InboundRequest request = InboundRequest.of(network, context.association(), context.presentationContext(),
                context.request(), identifierJson, dataSet);
        InboundResponder responder = new InboundResponder(context, request.operation(),
                find == null ? null : find.matches(), find == null ? new AtomicBoolean() : find.cancelled());
        try {
            delivery.onRequest(request, responder);
        } catch (ResourceException | RuntimeException e) {
            throw failed(request, e);
        }
        DimseStatus status = responder.finalStatus();
        if (status == null) {
            throw noFinalStatus(request);
        }
        if (status.isFailure()) {
            throw new DimseException(status.code(), status.errorComment());
        }
        return status.code();
    }

    /** A listener that failed: logged with its trace under the association's name, answered 0110. */
    static DimseException failed(InboundRequest request, Exception e) {
        LOG.log(Level.ERROR, request + ": the message endpoint failed", e);
        return new DimseException(DimseStatus.PROCESSING_FAILURE, "the gateway failed; see its log for "
                + request.associationName());
    }

    static DimseException noFinalStatus(InboundRequest request) {
        LOG.log(Level.WARNING, () -> request + ": the message endpoint returned without a final status");
        return new DimseException(DimseStatus.PROCESSING_FAILURE, "the gateway gave no final status");
    }

    static String key(Association association, int messageId) {
        return association.name() + "#" + messageId;
    }

    /** The C-FIND side of a responder: the toolkit's match sink and the cancel flag. */
    private record Responders(CFindScp.Matches matches, AtomicBoolean cancelled) {
    }
}
