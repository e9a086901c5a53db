package org.harmonyee.services.management;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.LiveViews;

import java.util.function.Supplier;

/** Answers {@code /metrics} with the server's Prometheus text exposition (format 0.0.4). */
final class MetricsBackend implements Backend {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<GatewayRuntime> runtime;

    MetricsBackend(Supplier<GatewayRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return MetricsPipeline.NAME;
    }

    @Override
    public String service() {
        return MetricsPipeline.SERVICE;
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        if (!request.path().isEmpty() && !request.path().equals("/")) {
            throw new GatewayException(ProblemType.NOT_FOUND, "no metrics resource " + request.fullPath()
                    + "; try " + MetricsPipeline.PATH);
        }
        return runtime.get().views().readText(LiveViews.PROMETHEUS_METRICS)
                .map(text -> ResponseEnvelope.text(200, text, CONTENT_TYPE))
                .orElseThrow(() -> new GatewayException(ProblemType.NOT_IMPLEMENTED,
                        "this server publishes no metrics"));
    }
}
