package org.harmonyee.server.exchange;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemDocument;
import org.harmonyee.core.pipeline.PipelineExecutor;
import org.harmonyee.core.pipeline.Route;
import org.harmonyee.server.backend.BackendBean;
import org.harmonyee.server.lifecycle.GatewayLifecycle;

/**
 * The one call every door makes: routes the envelope on the network it arrived on and runs it
 * through its pipeline. Never throws; failures come back rendered by the endpoint.
 */
@ApplicationScoped
public class PipelineService {

    /** Metadata key: the pipeline that served the exchange. */
    public static final String PIPELINE = "pipeline";
    /** Metadata key: the endpoint that received the exchange. */
    public static final String ENDPOINT = "endpoint";
    /** Metadata key: the network the exchange arrived on. */
    public static final String NETWORK = "network";

    @Inject
    GatewayLifecycle gateway;

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
        request.metadata().put(NETWORK, network);
        Route route;
        try {
            route = gateway.runtime().route(network, request.fullPath(), request.method());
        } catch (GatewayException notRouted) {
            return ProblemDocument.render(notRouted, request.exchangeId(), request.fullPath());
        }
        request.metadata().put(PIPELINE, route.pipeline().name());
        request.metadata().put(ENDPOINT, route.endpoint().name());
        return executor.execute(route, request);
    }
}
