package org.harmonyee.server.dimse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.harmonyee.core.envelope.ExchangeIds;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.MetadataKeys;
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
import org.harmonyee.server.exchange.PipelineService;
import org.harmonyee.server.lifecycle.RunningGateway;
import org.harmonyee.services.dimse.DicomEndpoint;
import org.harmonyee.services.dimse.DimseRequests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The DICOM door: the called AE title selects the pipeline ({@code dicom:AET} routes of the
 * {@code dicom} endpoints), a request becomes an envelope by the dimse service's convention
 * ({@link DimseRequests}) and makes the one call, {@code pipelines.execute(network, envelope)}; the
 * answer goes back to the caller as DIMSE: each C-FIND match as a pending response while the
 * backend produces it, a failure as its status and ErrorComment. C-ECHO and C-FIND are routed;
 * C-GET, C-MOVE and C-STORE are answered C000 until their routing lands. The listener's own AE
 * title, when no pipeline claims it, answers C-ECHO only.
 */
@ApplicationScoped
public class DimseDoor {

    private static final System.Logger LOG = System.getLogger(DimseDoor.class.getName());
    private static final Set<DimseOperation> ROUTED = Set.of(DimseOperation.C_ECHO, DimseOperation.C_FIND);
    private static final int ERROR_COMMENT_LENGTH = 64;

    @Inject
    RunningGateway gateway;

    @Inject
    PipelineService pipelines;

    /** Accepts a caller of a pipeline's AE title (if its endpoint admits it) or of the listener's own. */
    public AssociationDecision decide(AssociationRequest request) {
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
                    : DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, "no pipeline serves " + operation(request)
                    + " for " + request.calledAETitle()));
            return;
        }
        if (!ROUTED.contains(request.operation())) {
            responder.complete(DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, operation(request)
                    + " through pipelines is not routed yet"));
            return;
        }
        RequestEnvelope envelope;
        try {
            envelope = envelope(request);
        } catch (IOException malformed) {
            responder.complete(DimseStatus.of(DimseStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    comment("the identifier is not valid DICOM JSON: " + malformed.getMessage())));
            return;
        }
        answer(pipelines.execute(request.network(), envelope), responder);
    }

    private Optional<Route> route(String network, String calledAeTitle) {
        return gateway.runtime().routes().find(network, RouteSpec.dicomKey(calledAeTitle.strip()));
    }

    private static RequestEnvelope envelope(DimseRequest request) throws IOException {
        RequestEnvelope envelope = RequestEnvelope.builder(ExchangeIds.next(), operation(request),
                RouteSpec.dicomKey(request.calledAETitle().strip())).build();
        envelope.metadata().put(MetadataKeys.PROTOCOL, DimseRequests.PROTOCOL);
        envelope.metadata().put(MetadataKeys.CLIENT_ADDRESS, request.remoteAddress().getAddress().getHostAddress());
        envelope.metadata().put(DimseRequests.AFFECTED_SOP_CLASS, request.affectedSopClassUid());
        envelope.metadata().put(DimseRequests.PRIORITY, request.priority().name());
        envelope.metadata().put(DimseRequests.CALLING_AET, request.callingAETitle().strip());
        envelope.metadata().put(DimseRequests.CALLED_AET, request.calledAETitle().strip());
        request.moveDestination().ifPresent(to -> envelope.metadata().put(DimseRequests.MOVE_DESTINATION, to));
        if (request.identifierJson().isPresent()) {
            envelope.normalizedFromBody(Json.parse(request.identifierJson().get().getBytes(StandardCharsets.UTF_8)));
        }
        return envelope;
    }

    private static void answer(ResponseEnvelope response, DimseResponder responder) throws IOException {
        String failed = response.metadata().get(DimseRequests.STATUS);
        if (failed != null && response.status() >= 400) {
            responder.complete(DimseStatus.of(Integer.parseInt(failed, 16),
                    response.metadata().getOrDefault(DimseRequests.ERROR_COMMENT, "")));
            return;
        }
        if (response.status() >= 400) {
            responder.complete(DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, "the gateway answered " + response.status()));
            return;
        }
        Optional<ResultStream> results = response.results();
        if (results.isEmpty()) {
            responder.complete(DimseStatus.success());
            return;
        }
        sendMatches(results.get(), responder);
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

    private static String operation(DimseRequest request) {
        return request.operation().toString();
    }

    private static String comment(String detail) {
        String text = detail == null ? "" : detail;
        return text.length() <= ERROR_COMMENT_LENGTH ? text : text.substring(0, ERROR_COMMENT_LENGTH);
    }
}
