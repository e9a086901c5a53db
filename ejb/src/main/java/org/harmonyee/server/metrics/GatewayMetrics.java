package org.harmonyee.server.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.LiveViews;
import org.harmonyee.server.audit.Outcome;
import org.harmonyee.server.exchange.ExchangeCall;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's meters, in Micrometer's Prometheus registry. Two timers, each a count, a sum and a
 * histogram of fixed buckets (5 ms to 60 s):
 * <ul>
 * <li>{@code harmony_exchanges_seconds{network, pipeline, endpoint, protocol, outcome}}: every
 *     exchange a door handed to the exchange service, refused ones included;</li>
 * <li>{@code harmony_backend_calls_seconds{pipeline, backend, service, outcome}}: every backend call.</li>
 * </ul>
 * A timer is looked up in a map keyed by its labels, so that recording costs a hash lookup and the
 * timer's own atomic updates; labels take only configured names, never paths or identifiers.
 */
@ApplicationScoped
public class GatewayMetrics {

    private static final String NONE = "-";
    private static final String EXCHANGES = "harmony.exchanges";
    private static final String BACKEND_CALLS = "harmony.backend.calls";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<ExchangeLabels, Timer> exchanges = new ConcurrentHashMap<>();
    private final Map<BackendLabels, Timer> backendCalls = new ConcurrentHashMap<>();

    /** Labels of one exchange timer. */
    private record ExchangeLabels(String network, String pipeline, String endpoint, String protocol, Outcome outcome) {
    }

    /** Labels of one backend call timer. */
    private record BackendLabels(String pipeline, String backend, String service, Outcome outcome) {
    }

    /** Records one exchange that took {@code nanos}: {@code -} labels where it never reached a pipeline. */
    public void exchange(ExchangeCall call, long nanos) {
        Map<String, String> metadata = call.request().metadata();
        exchange(new ExchangeLabels(call.network(), metadata.getOrDefault(MetadataKeys.PIPELINE, NONE),
                metadata.getOrDefault(MetadataKeys.ENDPOINT, NONE), metadata.getOrDefault(MetadataKeys.PROTOCOL, NONE),
                Outcome.of(call)), nanos);
    }

    /** Records one backend call of the request's pipeline that took {@code nanos}. */
    public void backendCall(RequestEnvelope request, String backend, String service, Outcome outcome, long nanos) {
        backendCall(new BackendLabels(request.metadata().getOrDefault(MetadataKeys.PIPELINE, NONE), backend, service,
                outcome), nanos);
    }

    private void exchange(ExchangeLabels labels, long nanos) {
        exchanges.computeIfAbsent(labels, l -> timer(EXCHANGES, "Exchanges handled by the gateway", "network",
                l.network(), "pipeline", l.pipeline(), "endpoint", l.endpoint(), "protocol", l.protocol(),
                "outcome", l.outcome().label())).record(nanos, TimeUnit.NANOSECONDS);
    }

    private void backendCall(BackendLabels labels, long nanos) {
        backendCalls.computeIfAbsent(labels, l -> timer(BACKEND_CALLS, "Calls to backends", "pipeline", l.pipeline(),
                "backend", l.backend(), "service", l.service(), "outcome", l.outcome().label()))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** Publishes the metrics as the assembled gateway's live text view, served at {@code /metrics}. */
    void onAssembled(@Observes GatewayRuntime assembled) {
        assembled.views().registerText(LiveViews.PROMETHEUS_METRICS, this::scrape);
    }

    /** Every meter in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
