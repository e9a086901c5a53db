package org.harmonyee.server.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import org.harmonyee.core.config.TelemetrySettings;
import org.harmonyee.core.runtime.GatewayVersion;
import org.harmonyee.server.lifecycle.GatewayStopping;
import org.harmonyee.server.lifecycle.RunningGateway;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's tracer: the OpenTelemetry SDK carried by the application (relocated into this
 * module's jar, so that no server's own OpenTelemetry meets it), set up on first use from the
 * running configuration's {@code [telemetry]}: an OTLP/HTTP (protobuf) exporter to
 * {@code <otlp_endpoint>/v1/traces} behind a batch processor, the service name, and a parent-based
 * ratio sampler. Without an endpoint the tracer is OpenTelemetry's no-op one. Closed (pending spans
 * flushed, at most {@link #FLUSH}) when the gateway stops ({@link GatewayStopping}): an
 * application-scoped bean's {@code @PreDestroy} runs too late on Payara Server, after the
 * application's class loader is closed, where the SDK's export thread could no longer load its
 * classes.
 *
 * <p>Threads: the exporter sends each batch on a thread of the server's
 * {@code ManagedThreadFactory} ({@code java:comp/DefaultManagedThreadFactory}), which the SDK
 * takes as the exporter's executor. Two threads stay the SDK's and the JDK's own, because neither
 * lets a thread factory in (SDK 1.68): the batch processor's worker, which only queues spans and
 * hands batches to the exporter, and the threads of the JDK HTTP client the exporter builds.
 */
@ApplicationScoped
public class GatewayTracing {

    /** The instrumentation scope of every span the gateway makes. */
    static final String SCOPE = "org.harmonyee.gateway";
    /** How long spans wait in the batch before they are sent. */
    static final Duration EXPORT_DELAY = Duration.ofSeconds(1);
    /** How long stopping waits for the last spans to be sent. */
    static final Duration FLUSH = Duration.ofSeconds(5);
    /** The name of the managed thread that sends the spans. */
    static final String EXPORT_THREAD = "harmony-otlp-export";

    private static final System.Logger LOG = System.getLogger(GatewayTracing.class.getName());
    private static final Tracer NOOP = OpenTelemetry.noop().getTracer(SCOPE);

    @Inject
    RunningGateway gateway;

    /** The server's default, {@code java:comp/DefaultManagedThreadFactory} (the SDK's {@code Resource} is imported). */
    @jakarta.annotation.Resource
    ManagedThreadFactory threads;

    private SdkTracerProvider provider;
    private ExecutorService exports;
    private volatile Tracer tracer;

    /** The tracer of the running gateway's configuration; the no-op one before it is assembled. */
    public Tracer tracer() {
        Tracer current = tracer;
        if (current != null) {
            return current;
        }
        if (!gateway.running()) {
            return NOOP;
        }
        synchronized (this) {
            if (tracer == null) {
                tracer = create(gateway.runtime().config().telemetry());
            }
            return tracer;
        }
    }

    /** Whether exchanges are traced: the running configuration names an OTLP endpoint and tracing is not closed. */
    public boolean enabled() {
        return tracer() != NOOP;
    }

    private Tracer create(TelemetrySettings settings) {
        if (!settings.enabled()) {
            return NOOP;
        }
        String endpoint = settings.otlpEndpoint().orElseThrow().toString().replaceAll("/+$", "") + "/v1/traces";
        exports = exportThread();
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint)
                .setServiceClassLoader(GatewayTracing.class.getClassLoader()).setExecutorService(exports).build();
        provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), settings.serviceName(),
                        AttributeKey.stringKey("service.version"), GatewayVersion.current()))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplingPercent() / 100.0)))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(EXPORT_DELAY).build())
                .build();
        LOG.log(Level.INFO, () -> "traces go to " + endpoint + " (OTLP/HTTP) as service '" + settings.serviceName()
                + "', " + settings.samplingPercent() + " % of exchanges sampled");
        return provider.get(SCOPE, GatewayVersion.current());
    }

    /**
     * One managed thread, started now, while the caller (a request or the startup) has the
     * application's context for the factory to capture; the batch processor exports one batch at a
     * time, so one is enough.
     */
    private ExecutorService exportThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = threads.newThread(task);
                    thread.setName(EXPORT_THREAD);
                    return thread;
                });
        executor.prestartAllCoreThreads();
        return executor;
    }

    /** Sends the pending spans (waiting at most {@link #FLUSH}) and stops the exporter; later spans are no-ops. */
    synchronized void close(@Observes(notifyObserver = Reception.IF_EXISTS) GatewayStopping stopping) {
        if (provider != null) {
            provider.shutdown().join(FLUSH.toMillis(), TimeUnit.MILLISECONDS);
            provider = null;
            exports.shutdownNow();
            exports = null;
        }
        tracer = NOOP;
    }
}
