package org.harmonyee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.trace.v1.Span;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces as a collector receives them: the gateway exports over OTLP/HTTP (protobuf) to the
 * receiver on IT_OTLP_PORT ({@code [telemetry]} of the test configuration) a server span per
 * exchange, named after its pipeline, with a client span per backend call as its child, for a
 * DICOMweb search (HTTP) and a C-FIND (DIMSE) through the gateway to the test PACS; a caller's W3C
 * {@code traceparent} is continued; and an HTTP upstream receives the trace context of the backend
 * call's client span in place of the caller's.
 */
@ExtendWith(ArquillianExtension.class)
class TracesIT {

    private static final Duration EXPORTED = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RoutedStudy STUDY = new RoutedStudy();
    private static OtlpReceiver receiver;
    private static UpstreamServer upstream;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startPeers() throws Exception {
        receiver = OtlpReceiver.start(Gateway.port("IT_OTLP_PORT"));
        upstream = UpstreamServer.start();
    }

    @AfterAll
    static void stopPeers() {
        if (upstream != null) {
            upstream.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aDicomWebSearchIsAServerSpanOfItsPipelineWithTheBackendCallAsChild() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> search = HttpClient.newHttpClient().send(HttpRequest.newBuilder(STUDY.seriesSearch())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").build(),
                HttpResponse.BodyHandlers.ofString());
        String exchangeId = search.headers().firstValue("X-Exchange-Id").orElseThrow();
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);

        OtlpReceiver.ReceivedSpan exchange = receiver.await(
                span -> exchangeId.equals(span.attribute("harmony.exchange_id")), EXPORTED);
        assertThat(exchange.serviceName()).isEqualTo("harmony-it");
        assertThat(exchange.span().getName()).isEqualTo("dicomweb");
        assertThat(exchange.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(hex(exchange.span().getTraceId())).as("the caller's trace is continued").isEqualTo(traceId);
        assertThat(hex(exchange.span().getParentSpanId())).isEqualTo("00f067aa0ba902b7");
        assertThat(exchange.attribute("harmony.network")).isEqualTo("public");
        assertThat(exchange.attribute("harmony.protocol")).isEqualTo("http");
        assertThat(exchange.attribute("harmony.operation")).isEqualTo("GET");
        assertThat(exchange.attribute("harmony.status")).isEqualTo("200");
        assertThat(exchange.attribute("harmony.outcome")).isEqualTo("success");

        OtlpReceiver.ReceivedSpan backend = receiver.await(span -> childOf(span, exchange), EXPORTED);
        assertThat(backend.span().getName()).isEqualTo("it_pacs_web");
        assertThat(backend.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(backend.attribute("harmony.pipeline")).isEqualTo("dicomweb");
        assertThat(receiver.contentTypes()).allMatch(type -> type.equals("application/x-protobuf"));
    }

    @Test
    void aCFindIsAServerSpanOfItsPipelineWithTheBackendCallAsChild() throws Exception {
        long started = System.currentTimeMillis() * 1_000_000;
        Dcmtk.Result find = STUDY.find();
        assertThat(find.status()).as(find.output()).isZero();

        OtlpReceiver.ReceivedSpan exchange = receiver.await(span -> "dicom_router".equals(span.span().getName())
                && "C-FIND".equals(span.attribute("harmony.operation"))
                && span.span().getStartTimeUnixNano() >= started, EXPORTED);
        assertThat(exchange.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(exchange.span().getParentSpanId().isEmpty()).as("a root span").isTrue();
        assertThat(exchange.attribute("harmony.network")).isEqualTo("imaging");
        assertThat(exchange.attribute("harmony.protocol")).isEqualTo("dimse");
        assertThat(exchange.attribute("harmony.outcome")).isEqualTo("success");

        OtlpReceiver.ReceivedSpan backend = receiver.await(span -> childOf(span, exchange), EXPORTED);
        assertThat(backend.span().getName()).isEqualTo("it_pacs");
        assertThat(backend.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(backend.attribute("harmony.service")).isEqualTo("dicom");
        assertThat(backend.span().getStartTimeUnixNano())
                .isGreaterThanOrEqualTo(exchange.span().getStartTimeUnixNano());
    }

    @Test
    void anHttpUpstreamReceivesTheBackendCallsSpanAsItsParentInPlaceOfTheCallers() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String callerSpanId = "b7ad6b7169203331";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        Gateway.publicUrl() + "/api/headers"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .header("tracestate", "it=passed-on").build(), HttpResponse.BodyHandlers.ofString());
        String exchangeId = answer.headers().firstValue("X-Exchange-Id").orElseThrow();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        OtlpReceiver.ReceivedSpan exchange = receiver.await(
                span -> exchangeId.equals(span.attribute("harmony.exchange_id")), EXPORTED);
        assertThat(hex(exchange.span().getParentSpanId())).isEqualTo(callerSpanId);
        OtlpReceiver.ReceivedSpan backend = receiver.await(span -> childOf(span, exchange), EXPORTED);
        assertThat(backend.span().getName()).isEqualTo("upstream");

        JsonNode received = JSON.readTree(answer.body()).path("headers");
        String[] traceparent = received.path("traceparent").asText().split("-");
        assertThat(traceparent).as(received.toString()).hasSize(4);
        assertThat(traceparent[0]).isEqualTo("00");
        assertThat(traceparent[1]).as("the exchange's trace").isEqualTo(traceId);
        assertThat(traceparent[2]).as("the backend call's client span").isEqualTo(hex(backend.span().getSpanId()));
        assertThat(Integer.parseInt(traceparent[3], 16) & 1).as("sampled").isEqualTo(1);
        assertThat(received.path("tracestate").asText()).isEqualTo("it=passed-on");
    }

    private static boolean childOf(OtlpReceiver.ReceivedSpan span, OtlpReceiver.ReceivedSpan parent) {
        return span.span().getTraceId().equals(parent.span().getTraceId())
                && span.span().getParentSpanId().equals(parent.span().getSpanId());
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
