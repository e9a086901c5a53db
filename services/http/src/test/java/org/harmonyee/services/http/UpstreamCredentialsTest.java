package org.harmonyee.services.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.harmonyee.core.config.ConfigProblem;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.config.Problems;
import org.harmonyee.core.config.Source;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.health.HealthSettings;
import org.harmonyee.core.health.Strategy;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.runtime.BuildContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own credentials to its server, as a real HTTP server receives them, and their configuration problems. */
class UpstreamCredentialsTest {

    private HttpServer server;
    private final List<List<String>> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", exchange -> {
            List<String> authorization = exchange.getRequestHeaders().get("Authorization");
            received.add(authorization == null ? List.of() : List.copyOf(authorization));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void basicCredentialsReplaceTheCallersAuthorization() {
        Problems problems = new Problems();
        UpstreamOptions upstream = UpstreamOptions.read(options(problems, Json.MAPPER.createObjectNode()
                .put("upstream_username", "gateway").put("upstream_password", "s3cret:é")));
        assertThat(problems.list()).isEmpty();

        send(upstream, "Bearer caller-token");

        assertThat(received).containsExactly(List.of("Basic Z2F0ZXdheTpzM2NyZXQ6w6k="));
    }

    @Test
    void aBearerTokenIsSentAsIs() {
        Problems problems = new Problems();
        UpstreamOptions upstream = UpstreamOptions.read(options(problems, Json.MAPPER.createObjectNode()
                .put("upstream_bearer_token", "eyJhbGciOi.x.y")));

        send(upstream, null);

        assertThat(problems.list()).isEmpty();
        assertThat(received).containsExactly(List.of("Bearer eyJhbGciOi.x.y"));
    }

    @Test
    void withoutCredentialsTheCallersAuthorizationPasses() {
        Problems problems = new Problems();

        send(UpstreamOptions.read(options(problems, Json.MAPPER.createObjectNode())), "Basic Y2FsbGVyOng=");

        assertThat(received).containsExactly(List.of("Basic Y2FsbGVyOng="));
    }

    @Test
    void incompleteOrConflictingCredentialsAreProblemsNamingTheKey() {
        assertThat(problems(Json.MAPPER.createObjectNode().put("upstream_username", "gateway")))
                .containsExactly("pipelines/archive.toml: [backends.archive] upstream_password: needed with upstream_username");
        assertThat(problems(Json.MAPPER.createObjectNode().put("upstream_password", "x")))
                .containsExactly("pipelines/archive.toml: [backends.archive] upstream_username: needed with upstream_password");
        assertThat(problems(Json.MAPPER.createObjectNode().put("upstream_username", "a").put("upstream_password", "b")
                .put("upstream_bearer_token", "t"))).singleElement().asString()
                .contains("upstream_bearer_token: set either upstream_bearer_token or upstream_username");
        assertThat(problems(Json.MAPPER.createObjectNode().put("upstream_username", "a:b").put("upstream_password", "c")))
                .singleElement().asString().contains("upstream_username: must not contain ':'");
        assertThat(problems(Json.MAPPER.createObjectNode().put("upstream_bearer_token", "t\r\nX-Injected: 1")))
                .singleElement().asString().contains("upstream_bearer_token: must not be empty or hold control characters");
    }

    private void send(UpstreamOptions upstream, String callerAuthorization) {
        Target only = new Target("up", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), 1,
                HealthSettings.passive(), null);
        TargetPool pool = new TargetPool("up", List.of(only), Strategy.FAILOVER, 0, Duration.ZERO,
                Clock.systemUTC());
        RequestEnvelope.Builder request = RequestEnvelope.builder("x", "GET", "/api/studies").path("/studies")
                .body(Body.empty());
        if (callerAuthorization != null) {
            request.header("Authorization", callerAuthorization);
        }
        try (HttpBackend backend = new HttpBackend("up", pool, upstream,
                new BuildContext(null, null, null, Clock.systemUTC(), "test"))) {
            assertThat(backend.invoke(request.build()).status()).isEqualTo(204);
        }
    }

    private static List<String> problems(ObjectNode node) {
        Problems problems = new Problems();
        UpstreamOptions upstream = UpstreamOptions.read(options(problems, node));
        assertThat(upstream.authorization()).isEmpty();
        return problems.list().stream().map(ConfigProblem::toString).toList();
    }

    private static Options options(Problems problems, ObjectNode node) {
        return new Options(node, new Source("pipelines/archive.toml", "backends.archive"), problems, Path.of("."));
    }
}
