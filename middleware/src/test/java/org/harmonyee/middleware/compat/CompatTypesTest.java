package org.harmonyee.middleware.compat;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.LogRecorder;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.middleware.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** passthru, json_extractor (json) and connect, written as the Rust Harmony's configurations write them. */
class CompatTypesTest {

    @TempDir
    Path directory;

    private TestGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private TestGateway start(String chain, String tables) {
        gateway = new TestGateway(directory);
        return gateway.start(TestGateway.echoPipeline(chain) + tables);
    }

    private static RequestEnvelope post(String contentType, String body) {
        return RequestEnvelope.builder("t1", "POST", "/x").header("Content-Type", contentType)
                .body(Body.of(body.getBytes(StandardCharsets.UTF_8))).build();
    }

    @Test
    void passthruMarksBothSidesInTheMetadataAndLeavesThePayloadsAlone() {
        start("\"passthru\"", """
                [middleware.passthru]
                type = "passthru"
                """);

        ResponseEnvelope response = gateway.postJson("/x", "{\"a\":1}");

        JsonNode echo = TestGateway.json(response);
        assertThat(echo.at("/metadata/mw_left").asText()).isEqualTo("true");
        assertThat(echo.get("body").toString()).isEqualTo("{\"a\":1}");
        assertThat(echo.has("mw_left")).as("the Rust Harmony's marker in the payload").isFalse();
        assertThat(response.metadata()).containsEntry("mw_right", "true");
    }

    @Test
    void passthruRunsAsABuiltInNamedWithoutATable() {
        start("\"passthru\"", "");

        assertThat(TestGateway.json(gateway.get("/x")).at("/metadata/mw_left").asText()).isEqualTo("true");
    }

    @Test
    void jsonExtractorReadsJsonThatCameAsTextOrForm() {
        start("\"json_extractor\"", """
                [middleware.json_extractor]
                type = "json_extractor"
                """);

        JsonNode text = TestGateway.json(gateway.send(post("text/plain", "{\"patient\":{\"id\":\"7\"}}")));
        JsonNode form = TestGateway.json(gateway.send(post("application/x-www-form-urlencoded", "[1,2]")));

        assertThat(text.at("/body/patient/id").asText()).isEqualTo("7");
        assertThat(form.get("body").toString()).isEqualTo("[1,2]");
    }

    @Test
    void withoutJsonExtractorTheTextIsDescribedNotParsed() {
        start("", "");

        JsonNode echo = TestGateway.json(gateway.send(post("text/plain", "{\"patient\":{\"id\":\"7\"}}")));

        assertThat(echo.at("/body/content_type").asText()).isEqualTo("text/plain");
        assertThat(echo.at("/body/patient").isMissingNode()).isTrue();
    }

    @Test
    void jsonIsTheSameTypeAndABodyThatIsNotJsonKeepsItsView() {
        start("\"j\"", """
                [middleware.j]
                type = "json"
                """);

        JsonNode echo = TestGateway.json(gateway.send(post("text/plain", "{not json")));

        assertThat(echo.at("/body/content_type").asText()).isEqualTo("text/plain");
        assertThat(echo.at("/body/size").asInt()).isEqualTo(9);
    }

    @Test
    void connectLoadsWithAWarningAndPassesRequestsUnchanged() {
        try (LogRecorder log = LogRecorder.of(Connect.class)) {
            start("\"aurabox\"", """
                    [middleware.aurabox]
                    type = "connect"
                    [middleware.aurabox.options]
                    enabled = true
                    fallback_timeout_ms = 2500
                    """);

            assertThat(log.warnings()).singleElement().asString()
                    .startsWith("pipelines/p.toml: [middleware.aurabox")
                    .contains("'connect' (Aurabox Connect) has no effect");
        }
        JsonNode echo = TestGateway.json(gateway.postJson("/x", "{\"a\":1}"));
        assertThat(echo.get("body").toString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void connectOptionsOfTheWrongTypeStopTheStartup() {
        gateway = new TestGateway(directory);
        assertThatThrownBy(() -> gateway.start("""
                [middleware.aurabox]
                type = "connect"
                enabled = "sometimes"
                fallback_timeout_ms = -1
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("enabled: expected true or false, got 'sometimes'")
                .hasMessageContaining("fallback_timeout_ms: expected 0-");
    }

    @Test
    void theRustBuiltInDeclarationsOfTheseTypesAreAccepted() {
        gateway = new TestGateway(directory);
        gateway.start("""
                [middleware_types.passthru]
                module = ""
                [middleware_types.json_extractor]
                module = ""
                [middleware_types.json]
                module = ""
                [middleware_types.connect]
                module = ""
                [middleware_types.jwtauth]
                module = ""
                """);
    }

    @Test
    void aRustTypeNotBuiltYetIsRefusedWithTheTypesThatExist() {
        gateway = new TestGateway(directory);
        assertThatThrownBy(() -> gateway.start("""
                [middleware_types.jmix_builder]
                module = ""
                [middleware.bridge]
                type = "jmix_builder"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[middleware_types.jmix_builder]")
                .hasMessageContaining("unknown middleware type 'jmix_builder'; available: [")
                .hasMessageContaining("[middleware.bridge] type:")
                .hasMessageContaining("passthru");
    }
}
