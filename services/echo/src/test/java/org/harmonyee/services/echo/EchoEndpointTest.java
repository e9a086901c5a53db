package org.harmonyee.services.echo;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigFixture;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.pipeline.BackendInvoker;
import org.harmonyee.core.pipeline.PipelineExecutor;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Service echo used as an endpoint, as the Rust Harmony's configurations use it. */
class EchoEndpointTest {

    @TempDir
    Path directory;

    private GatewayRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private void start(String pipelines) {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE).pipeline("echo.toml", pipelines);
        runtime = new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(fixture.read(), Runnable::run, null, Clock.systemUTC(), "test")).assemble();
    }

    private ResponseEnvelope send(RequestEnvelope request) {
        return new PipelineExecutor(BackendInvoker.DIRECT)
                .execute(runtime.route("default", request.fullPath(), request.method()), request);
    }

    private static JsonNode json(ResponseEnvelope response) throws IOException {
        return Json.parse(response.body().bytes());
    }

    private static final String ECHO_ONLY = """
            [pipelines.echo_basic]
            networks = ["default"]
            endpoints = ["echo_endpoint"]
            [endpoints.echo_endpoint]
            service = "echo"
            [endpoints.echo_endpoint.options]
            path_prefix = "/echo"
            """;

    @Test
    void withoutABackendTheEndpointAnswersTheEchoOfTheRequest() throws IOException {
        start(ECHO_ONLY);

        ResponseEnvelope response = send(RequestEnvelope.builder("t1", "POST", "/echo/patients/7")
                .rawQuery("active=true").query("active", List.of("true"))
                .header("Content-Type", "application/json").header("X-Trace", "abc")
                .body(Body.of("{\"id\":\"7\"}".getBytes(StandardCharsets.UTF_8))).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("application/json");
        JsonNode echo = json(response);
        assertThat(echo.get("method").asText()).isEqualTo("POST");
        assertThat(echo.get("path").asText()).isEqualTo("/patients/7");
        assertThat(echo.get("full_path").asText()).isEqualTo("/echo/patients/7?active=true");
        assertThat(echo.at("/query/active/0").asText()).isEqualTo("true");
        assertThat(echo.at("/headers/x-trace").asText()).isEqualTo("abc");
        assertThat(echo.at("/body/id").asText()).isEqualTo("7");
    }

    @Test
    void getOnThePrefixItselfIsServed() throws IOException {
        start(ECHO_ONLY);

        JsonNode echo = json(send(RequestEnvelope.builder("t2", "GET", "/echo").build()));

        assertThat(echo.get("path").asText()).isEmpty();
        assertThat(echo.get("body").isNull()).isTrue();
    }

    @Test
    void onlyGetAndPostAreServedAsInTheRustHarmony() {
        start(ECHO_ONLY);

        assertThatThrownBy(() -> runtime.route("default", "/echo/x", "PUT"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type().httpStatus()).isEqualTo(405));
    }

    @Test
    void withTheEchoBackendTheAnswerIsTheBackendsEcho() throws IOException {
        start(ECHO_ONLY.replace("endpoints = [\"echo_endpoint\"]", "endpoints = [\"echo_endpoint\"]\nbackends = [\"echo_backend\"]")
                + """
                [backends.echo_backend]
                service = "echo"
                [backends.echo_backend.options]
                path_prefix = "/echo-back"
                """);

        JsonNode echo = json(send(RequestEnvelope.builder("t3", "GET", "/echo/a").build()));

        assertThat(echo.get("method").asText()).isEqualTo("GET");
        assertThat(echo.get("path").asText()).isEqualTo("/a");
    }

    @Test
    void aMissingPathPrefixIsAProblemAsInTheRustHarmony() {
        assertThatThrownBy(() -> start(ECHO_ONLY.replace("path_prefix = \"/echo\"", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines/echo.toml: [endpoints.echo_endpoint")
                .hasMessageContaining("path_prefix: required, missing");
    }
}
