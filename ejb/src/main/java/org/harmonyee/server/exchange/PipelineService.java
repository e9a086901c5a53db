package org.harmonyee.server.exchange;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.content.ProblemDocument;
import org.harmonyee.core.pipeline.PipelineExecutor;
import org.harmonyee.core.pipeline.Route;
import org.harmonyee.server.backend.BackendBean;
import org.harmonyee.server.lifecycle.RunningGateway;

/**
 * The one call every door makes: routes the envelope on the network it arrived on and runs it
 * through its pipeline. Never throws; failures come back rendered by the endpoint.
 */
@ApplicationScoped
public class PipelineService {

    @Inject
    RunningGateway gateway;

    @Inject
    BackendBean backends;

    private PipelineExecutor executor;

    @PostConstruct
    void init() {
        executor = new PipelineExecutor(backends);
    }

    /** Runs one exchange that arrived on {@code network}. */
    @ExchangeLogged
    public ResponseEnvelope execute(String network, RequestEnvelope request) {
        request.metadata().put(MetadataKeys.NETWORK, network);
        Route route;
        try {
            route = gateway.runtime().route(network, request.fullPath(), request.method());
        } catch (GatewayException notRouted) {
            return ProblemDocument.render(notRouted, request.exchangeId(), request.fullPath());
        }
        request.metadata().put(MetadataKeys.PIPELINE, route.pipeline().name());
        request.metadata().put(MetadataKeys.ENDPOINT, route.endpoint().name());
        return executor.execute(route, request);
    }

    /**
     * Answers an exchange the door refused before it could route it (an unreadable request, a port
     * no network listens on): the problem, rendered, and an exchange line like any other.
     *
     * @param network the network it arrived on, or a description of the port when there is none
     * @param request what the door could read of it (id, method, path)
     */
    @ExchangeLogged
    public ResponseEnvelope refuse(String network, RequestEnvelope request, GatewayException refusal) {
        request.metadata().put(MetadataKeys.NETWORK, network);
        return ProblemDocument.render(refusal, request.exchangeId(), request.fullPath());
    }
}
