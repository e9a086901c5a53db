package org.harmonyee.server.metrics;

import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.server.audit.Outcome;
import org.harmonyee.server.exchange.ExchangeCall;
import org.harmonyee.services.dimse.DimseRequests;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMetricsTest {

    private final GatewayMetrics metrics = new GatewayMetrics();

    @Test
    void exchangesAreCountedByPipelineAndOutcomeWithLatencyBuckets() {
        RequestEnvelope request = routed("fhir", "fhir_in", "http");
        metrics.exchange(new ExchangeCall("public", request, ResponseEnvelope.of(200), false),
                Duration.ofMillis(3).toNanos());
        metrics.exchange(new ExchangeCall("public", request, ResponseEnvelope.of(201), false),
                Duration.ofMillis(40).toNanos());
        metrics.exchange(new ExchangeCall("public", RequestEnvelope.builder("x", "GET", "/nowhere").build(),
                ResponseEnvelope.of(404), false), 1_000);

        String text = metrics.scrape();

        String served = "endpoint=\"fhir_in\",network=\"public\",outcome=\"success\",pipeline=\"fhir\",protocol=\"http\"";
        assertThat(text).contains("# TYPE harmony_exchanges_seconds histogram",
                "harmony_exchanges_seconds_count{" + served + "} 2",
                "harmony_exchanges_seconds_bucket{" + served + ",le=\"0.005\"} 1",
                "harmony_exchanges_seconds_bucket{" + served + ",le=\"0.05\"} 2",
                "harmony_exchanges_seconds_count{endpoint=\"-\",network=\"public\",outcome=\"refused\",pipeline=\"-\","
                        + "protocol=\"-\"} 1");
    }

    @Test
    void aDimseFailureStatusIsAFailedExchangeAndBackendCallsHaveTheirOwnTimer() {
        RequestEnvelope request = routed("router", "scp", DimseRequests.PROTOCOL);
        ResponseEnvelope response = ResponseEnvelope.of(200);
        response.metadata().put(DimseRequests.STATUS, "A700");
        metrics.exchange(new ExchangeCall("imaging", request, response, false), 1_000);
        metrics.backendCall(request, "pacs", "dicom", Outcome.FAILED, Duration.ofSeconds(2).toNanos());

        assertThat(metrics.scrape()).contains(
                "harmony_exchanges_seconds_count{endpoint=\"scp\",network=\"imaging\",outcome=\"failed\","
                        + "pipeline=\"router\",protocol=\"dimse\"} 1",
                "harmony_backend_calls_seconds_count{backend=\"pacs\",outcome=\"failed\",pipeline=\"router\","
                        + "service=\"dicom\"} 1",
                "harmony_backend_calls_seconds_bucket{backend=\"pacs\",outcome=\"failed\",pipeline=\"router\","
                        + "service=\"dicom\",le=\"2.5\"} 1");
    }

    private static RequestEnvelope routed(String pipeline, String endpoint, String protocol) {
        RequestEnvelope request = RequestEnvelope.builder("x", "GET", "/p").build();
        request.metadata().put(MetadataKeys.PIPELINE, pipeline);
        request.metadata().put(MetadataKeys.ENDPOINT, endpoint);
        request.metadata().put(MetadataKeys.PROTOCOL, protocol);
        return request;
    }
}
