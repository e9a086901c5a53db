package org.harmonyee.server.audit;

import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.server.exchange.ExchangeCall;
import org.harmonyee.server.metrics.GatewayMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the audit and metrics hooks cost per exchange: on the request thread, building the audit
 * record and handing it to a queue (as {@link AuditTrail#record} does, with a consumer keeping the
 * queue short), and recording the exchange and backend timers; on the trail's writer thread, the
 * JSON line and the DICOM audit message. Run as docs/operations.md says; it prints figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExchangeHooksBenchmark {

    private final LinkedBlockingQueue<AuditRecord> queue = new LinkedBlockingQueue<>(65_536);
    private final GatewayMetrics metrics = new GatewayMetrics();
    private RequestEnvelope request;
    private ResponseEnvelope response;
    private ExchangeCall call;
    private AuditRecord record;

    @Setup
    public void exchange() {
        request = RequestEnvelope.builder("bench-1", "GET", "/dicom-web/studies/1.2.840.113619.2.55.3.2831164/series")
                .query("limit", List.of("10")).build();
        request.metadata().put(MetadataKeys.PROTOCOL, "http");
        request.metadata().put(MetadataKeys.CLIENT_ADDRESS, "127.0.0.1");
        request.metadata().put(MetadataKeys.PIPELINE, "dicomweb");
        request.metadata().put(MetadataKeys.ENDPOINT, "dicomweb_http");
        request.metadata().put(MetadataKeys.PRINCIPAL, "alice");
        response = ResponseEnvelope.of(200);
        call = new ExchangeCall("public", request, response, false);
        record = AuditRecords.exchange(call, 3);
    }

    /** The audit interceptor's part on the request thread. */
    @Benchmark
    public AuditRecord auditOnRequestThread() {
        AuditRecord made = AuditRecords.exchange(call, 3);
        queue.offer(made);
        return queue.poll();
    }

    /** The metrics interceptors' part on the request thread: one exchange, one backend call. */
    @Benchmark
    public void metricsOnRequestThread() {
        metrics.exchange(call, 3_000_000);
        metrics.backendCall(request, "pacs", "dicom", Outcome.SUCCESS, 2_000_000);
    }

    /** The trail's writer: the JSON line (the file write itself is not counted). */
    @Benchmark
    public byte[] jsonLineOnWriterThread() throws Exception {
        return Json.MAPPER.writeValueAsBytes(record);
    }

    /** The trail's writer: the DICOM audit message, when [audit.syslog] is set. */
    @Benchmark
    public String dicomAuditMessageOnWriterThread() {
        return DicomAuditMessages.of(record, "harmony", "gw.local").orElseThrow();
    }
}
