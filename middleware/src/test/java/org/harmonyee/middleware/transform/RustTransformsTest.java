package org.harmonyee.middleware.transform;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.middleware.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A specification written for the Rust Harmony reads {@code context.request_details} (method, uri,
 * query_params, headers, cookies, metadata) and {@code context.response_details} (status, headers,
 * metadata); with {@code inject_context = true} it gets them unchanged, beside this gateway's
 * {@code context.request} and {@code context.response}. {@code metadata_transform}'s
 * {@code transform_target = "target_details"} is refused with what to write instead.
 */
class RustTransformsTest {

    @TempDir
    Path directory;

    private TestGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void transformTargetTargetDetailsIsRefusedWithWhatToWriteInstead() {
        gateway = new TestGateway(directory).file("transforms/meta.json", "[{\"operation\": \"shift\", \"spec\": {\"*\": \"&\"}}]");
        assertThatThrownBy(() -> gateway.start("""
                [middleware.query_to_target]
                type = "metadata_transform"
                spec_path = "meta.json"
                transform_target = "target_details"
                [middleware.plain]
                type = "metadata_transform"
                spec_path = "meta.json"
                transform_target = "metadata"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[middleware.query_to_target] transform_target: only \"metadata\" is supported,"
                        + " got 'target_details'")
                .hasMessageContaining("context.request_details.query_params")
                .hasMessageNotContaining("[middleware.plain]");
    }

    @Test
    void rustSpecificationsReadRequestDetailsAndResponseDetails() {
        gateway = new TestGateway(directory).file("transforms/rust.json", """
                [{"operation": "shift", "spec": {"context": {
                  "request_details": {"method": "data.method", "uri": "data.uri",
                    "query_params": {"patient": {"0": "data.patient"}}, "headers": {"x-trace": "data.trace"},
                    "cookies": {"session": "data.session"}, "metadata": {"auth.user": "data.user"}},
                  "response_details": {"status": "data.status", "headers": {"content-type": "data.type"}}}}}]
                """);
        gateway.start("""
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["rust"]
                backends = ["echo"]
                [endpoints.e]
                service = "http"
                path_prefix = "/fhir"
                [backends.echo]
                service = "echo"
                [middleware.rust]
                type = "transform"
                spec_path = "rust.json"
                inject_context = true
                """);
        RequestEnvelope request = RequestEnvelope.builder("rust-1", "GET", "/fhir/ImagingStudy")
                .rawQuery("patient=PID1").query("patient", List.of("PID1")).header("X-Trace", "t-7")
                .cookie("session", "s-9").build();
        request.metadata().put("auth.user", "ann");

        ResponseEnvelope response = gateway.send(request);

        JsonNode left = request.normalized().orElseThrow();
        assertThat(left.path("method").asText()).isEqualTo("GET");
        assertThat(left.path("uri").asText()).isEqualTo("/fhir/ImagingStudy?patient=PID1");
        assertThat(left.path("patient").asText()).isEqualTo("PID1");
        assertThat(left.path("trace").asText()).isEqualTo("t-7");
        assertThat(left.path("session").asText()).isEqualTo("s-9");
        assertThat(left.path("user").asText()).isEqualTo("ann");
        JsonNode right = TestGateway.json(response);
        assertThat(right.path("status").asInt()).isEqualTo(200);
        assertThat(right.path("type").asText()).startsWith("application/json");
    }
}
