package org.harmonyee.server.dimse;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.pipeline.Route;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.rar.api.DimseOperation;
import org.harmonyee.rar.api.DimseRequest;
import org.harmonyee.rar.api.DimseResponder;
import org.harmonyee.rar.api.DimseStatus;
import org.harmonyee.server.audit.AuditTrail;
import org.harmonyee.server.exchange.PipelineService;
import org.harmonyee.server.lifecycle.RunningGateway;
import org.harmonyee.services.dimse.DicomEndpoint;
import org.harmonyee.services.dimse.DimseRequests;
import org.harmonyee.services.dimse.MoveSubOperations;

import java.io.IOException;
import java.util.Optional;

/**
 * The DICOM door: the called AE title selects the pipeline ({@code dicom:AET} routes of the
 * {@code dicom} endpoints), a request becomes an envelope by the dimse service's convention
 * ({@link DoorEnvelopes}) and makes the one call, {@code pipelines.execute(network, envelope)}; the
 * answer goes back to the caller as DIMSE while the backend produces it: each C-FIND match as a
 * pending response, each C-GET instance as a C-STORE sub-operation on the caller's association,
 * each C-MOVE instance as a C-STORE to the move destination the endpoint knows
 * ({@link RetrieveRelay}); a failure as its status and ErrorComment. The listener's own AE title,
 * when no pipeline claims it, answers C-ECHO only.
 */
@ApplicationScoped
public class DimseDoor {

    private static final System.Logger LOG = System.getLogger(DimseDoor.class.getName());
    private static final int ERROR_COMMENT_LENGTH = 64;

    @Inject
    RunningGateway gateway;

    @Inject
    PipelineService pipelines;

    @Resource
    ManagedExecutorService executor;

    @Inject
    AuditTrail audit;

    /**
     * Accepts a caller of a pipeline's AE title (if its endpoint admits it) or of the listener's own;
     * a rejection goes to the audit trail.
     */
    public AssociationDecision decide(AssociationRequest request) {
        AssociationDecision decision = decision(request);
        if (!decision.accepted()) {
            audit.rejected(request, decision);
        }
        return decision;
    }

    private AssociationDecision decision(AssociationRequest request) {
        Optional<Route> route;
        try {
            route = route(request.network(), request.calledAETitle());
        } catch (IllegalStateException notRunning) {
            return AssociationDecision.reject(AssociationDecision.Rejection.TEMPORARY_CONGESTION,
                    "the gateway is not running");
        }
        if (route.isEmpty()) {
            return request.calledAETitle().equals(request.listenerAETitle()) ? AssociationDecision.accept()
                    : AssociationDecision.reject(AssociationDecision.Rejection.CALLED_AE_TITLE_NOT_RECOGNIZED,
                    "no pipeline on network '" + request.network() + "' answers to " + request.calledAETitle());
        }
        if (route.get().endpoint() instanceof DicomEndpoint endpoint && !endpoint.acceptsCaller(request.callingAETitle())) {
            return AssociationDecision.reject(AssociationDecision.Rejection.CALLING_AE_TITLE_NOT_RECOGNIZED,
                    "endpoint '" + endpoint.name() + "' does not accept " + request.callingAETitle());
        }
        return AssociationDecision.accept();
    }

    /** Serves one request; an {@link IOException} means the caller's association is gone. */
    public void serve(DimseRequest request, DimseResponder responder) throws IOException {
        Optional<Route> route = route(request.network(), request.calledAETitle());
        if (route.isEmpty()) {
            responder.complete(request.operation() == DimseOperation.C_ECHO ? DimseStatus.success()
                    : DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, "no pipeline serves " + request.operation()
                    + " for " + request.calledAETitle()));
            return;
        }
        MoveSubOperations destination = null;
        if (request.operation() == DimseOperation.C_MOVE) {
            Optional<MoveSubOperations> resolved = moveDestination(request, route.get());
            if (resolved.isEmpty()) {
                responder.complete(DimseStatus.of(DimseStatus.MOVE_DESTINATION_UNKNOWN, comment("move destination "
                        + request.moveDestination().orElse("") + " is not known to this gateway")));
                return;
            }
            destination = resolved.get();
        }
        RequestEnvelope envelope;
        try {
            envelope = DoorEnvelopes.of(request);
        } catch (IOException malformed) {
            responder.complete(DimseStatus.of(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    comment("the identifier is not valid DICOM JSON: " + malformed.getMessage())));
            return;
        }
        ResponseEnvelope response = pipelines.execute(request.network(), envelope);
        if (destination == null) {
            answer(request, response, responder, null);
        } else {
            try (MoveSubOperations moves = destination) {
                answer(request, response, responder, moves);
            }
        }
    }

    private Optional<Route> route(String network, String calledAeTitle) {
        return gateway.runtime().routes().find(network, RouteSpec.dicomKey(calledAeTitle.strip()));
    }

    private Optional<MoveSubOperations> moveDestination(DimseRequest request, Route route) {
        String aeTitle = request.moveDestination().orElse("");
        if (!(route.endpoint() instanceof DicomEndpoint endpoint)) {
            return Optional.empty();
        }
        return endpoint.moveDestination(aeTitle).map(destination -> new MoveSubOperations(request.associationName(),
                destination, request.calledAETitle().strip(), request.callingAETitle().strip(), request.messageId(),
                executor));
    }

    private static void answer(DimseRequest request, ResponseEnvelope response, DimseResponder responder,
                               MoveSubOperations moves) throws IOException {
        String failed = response.metadata().get(DimseRequests.STATUS);
        if (response.status() >= 400) {
            response.results().ifPresent(ResultStream::close);
            responder.complete(failed == null
                    ? DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, "the gateway answered " + response.status())
                    : DimseStatus.of(Integer.parseInt(failed, 16),
                    response.metadata().getOrDefault(DimseRequests.ERROR_COMMENT, "")));
            return;
        }
        Optional<ResultStream> results = response.results();
        if (results.isEmpty()) {
            responder.complete(failed == null ? DimseStatus.success() : DimseStatus.of(Integer.parseInt(failed, 16), null));
            return;
        }
        RetrieveRelay relay = new RetrieveRelay(request.associationName(), responder);
        switch (request.operation()) {
            case C_FIND -> sendMatches(results.get(), responder);
            case C_GET -> relay.relay(results.get(), response.metadata(), instance -> responder.store(
                    instance.sopClassUid(), instance.sopInstanceUid(), instance.transferSyntaxUid(), instance.dataSet()));
            case C_MOVE -> relay.relay(results.get(), response.metadata(), moves::store);
            default -> {
                results.get().close();
                responder.complete(DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, comment("the pipeline answered "
                        + request.operation() + " with results")));
            }
        }
    }

    /** Each match as it arrives; C-CANCEL or a lost caller closes the stream, which cancels upstream. */
    private static void sendMatches(ResultStream results, DimseResponder responder) throws IOException {
        try (results) {
            for (Optional<Result> match = results.next(); match.isPresent(); match = results.next()) {
                if (responder.isCancelled()) {
                    responder.complete(DimseStatus.of(DimseStatus.CANCEL, null));
                    return;
                }
                responder.sendMatch(Json.MAPPER.writeValueAsString(match.get().json()));
            }
            responder.complete(DimseStatus.success());
        } catch (GatewayException failure) {
            LOG.log(System.Logger.Level.DEBUG, () -> "C-FIND ended by the backend: " + failure.detail());
            responder.complete(DimseStatus.of(failure.dimseStatus(), comment(failure.detail())));
        }
    }

    /** An ErrorComment: at most 64 characters (PS3.7, LO). */
    static String comment(String detail) {
        String text = detail == null ? "" : detail;
        return text.length() <= ERROR_COMMENT_LENGTH ? text : text.substring(0, ERROR_COMMENT_LENGTH);
    }
}
