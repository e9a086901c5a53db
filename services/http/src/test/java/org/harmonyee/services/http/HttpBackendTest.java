package org.harmonyee.services.http;

import com.sun.net.httpserver.HttpServer;
import org.harmonyee.core.health.HealthSettings;
import org.harmonyee.core.health.Strategy;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.runtime.BuildContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP backend against a real HTTP server on loopback. */
class HttpBackendTest {

    private HttpServer server;
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private final AtomicReference<String> receivedType = new AtomicReference<>();
    private final AtomicReference<String> receivedUri = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", exchange -> {
            receivedUri.set(exchange.getRequestURI().toString());
            receivedType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                sleep();
            }
            byte[] answer = "<ok/>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpBackend backend(int port) {
        Target only = new Target("up", URI.create("http://127.0.0.1:" + port + "/base"), 1,
                HealthSettings.passive(), null);
        TargetPool pool = new TargetPool("up", List.of(only), Strategy.FAILOVER, 0, Duration.ZERO, Clock.systemUTC());
        return new HttpBackend("up", pool, new UpstreamOptions(Duration.ofSeconds(2), Duration.ofMillis(500), Optional.empty()),
                new BuildContext(null, null, null, Clock.systemUTC(), "test"));
    }

    private static RequestEnvelope post(String path, String query, String contentType, String body) {
        RequestEnvelope request = RequestEnvelope.builder("x", "POST", "/api" + path).path(path).rawQuery(query)
                .header("Content-Type", contentType).header("Connection", "keep-alive")
                .body(Body.of(body.getBytes(StandardCharsets.UTF_8))).build();
        return request;
    }

    @Test
    void forwardsTheOriginalBytesAndReturnsTheAnswerUntouched() {
        RequestEnvelope request = post("/Patient/1", "a=1&b=%20", "application/json", "{ \"a\" : 1 }");
        request.normalizedFromBody(Json.MAPPER.createObjectNode().put("a", 1));

        ResponseEnvelope response = backend(server.getAddress().getPort()).invoke(request);

        assertThat(receivedUri.get()).isEqualTo("/base/Patient/1?a=1&b=%20");
        assertThat(receivedBody.get()).isEqualTo("{ \"a\" : 1 }");
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.contentType()).contains("application/xml");
        assertThat(new String(response.body().bytes(), StandardCharsets.UTF_8)).isEqualTo("<ok/>");
    }

    @Test
    void forwardsTheTransformedJsonWhenAMiddlewareChangedIt() {
        RequestEnvelope request = post("", null, "application/fhir+json", "{\"a\":1}");
        request.normalizedFromBody(Json.MAPPER.createObjectNode().put("a", 1));
        request.normalized(Json.MAPPER.createObjectNode().put("b", 2));

        backend(server.getAddress().getPort()).invoke(request);

        assertThat(receivedBody.get()).isEqualTo("{\"b\":2}");
        assertThat(receivedType.get()).isEqualTo("application/fhir+json");
    }

    @Test
    void aRefusedConnectionIs502() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpBackend backend = backend(closed);

        assertThatThrownBy(() -> backend.invoke(post("", null, "text/plain", "x")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type().httpStatus()).isEqualTo(502);
                    assertThat(e.detail()).contains("'up'").contains("refused");
                });
    }

    @Test
    void noAnswerWithinTheReadTimeoutIs504() {
        HttpBackend backend = backend(server.getAddress().getPort());

        assertThatThrownBy(() -> backend.invoke(post("/slow", null, "text/plain", "x")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type().httpStatus()).isEqualTo(504));
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
