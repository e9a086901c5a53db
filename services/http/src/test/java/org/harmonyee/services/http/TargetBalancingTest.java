package org.harmonyee.services.http;

import com.sun.net.httpserver.HttpServer;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetStatus;
import org.harmonyee.core.config.ConfigFixture;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several targets behind one http backend, against three real HTTP servers on loopback. */
class TargetBalancingTest {

    @TempDir
    Path directory;

    private final List<Upstream> upstreams = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private GatewayRuntime runtime;

    /** A real HTTP server that counts what it answers, and can be stopped and started on its port. */
    private static final class Upstream {
        private final int port;
        private final AtomicInteger hits = new AtomicInteger();
        private HttpServer server;

        Upstream(int port) throws IOException {
            this.port = port;
            start();
        }

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            server.createContext("/", exchange -> {
                if (!exchange.getRequestURI().getPath().equals("/health")) {
                    hits.incrementAndGet();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        void stop() {
            server.stop(0);
        }
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        upstreams.forEach(Upstream::stop);
        scheduler.shutdownNow();
    }

    private HttpBackend backend(String strategy, String health, int... weights) throws IOException {
        StringBuilder targets = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            Upstream upstream = new Upstream(freePort());
            upstreams.add(upstream);
            names.add("\"t" + i + "\"");
            targets.append("[targets.t").append(i).append("]\nurl = \"http://127.0.0.1:").append(upstream.port)
                    .append("\"\nweight = ").append(weights[i]).append('\n').append(health).append('\n');
        }
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE).pipeline("p.toml", """
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                backends = ["pool"]
                [endpoints.e]
                service = "http"
                path_prefix = "/"
                [backends.pool]
                service = "http"
                targets = [%s]
                strategy = "%s"
                max_failures = 2
                cooldown_ms = 60000
                connect_timeout_ms = 500
                """.formatted(String.join(", ", names), strategy) + targets);
        runtime = new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(fixture.read(), null, scheduler, Clock.systemUTC(), "test")).assemble();
        return (HttpBackend) runtime.pipelines().get(0).backend();
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ResponseEnvelope call(HttpBackend backend, String method) {
        RequestEnvelope request = RequestEnvelope.builder("x", method, "/r").path("/r").body(Body.empty()).build();
        return backend.invoke(request);
    }

    private int[] hits() {
        return upstreams.stream().mapToInt(u -> u.hits.get()).toArray();
    }

    @Test
    void weightedDistributionFollowsTheWeights() throws IOException {
        HttpBackend backend = backend("weighted", "", 1, 2, 3);

        for (int i = 0; i < 600; i++) {
            assertThat(call(backend, "GET").status()).isEqualTo(200);
        }

        assertThat(hits()[0]).isBetween(90, 110);
        assertThat(hits()[1]).isBetween(180, 220);
        assertThat(hits()[2]).isBetween(270, 330);
    }

    @Test
    void roundRobinSpreadsEvenlyAndFailoverStaysOnTheFirst() throws IOException {
        HttpBackend roundRobin = backend("round_robin", "", 1, 5);
        for (int i = 0; i < 100; i++) {
            call(roundRobin, "GET");
        }
        assertThat(hits()).containsExactly(50, 50);
    }

    @Test
    void failoverUsesTheFirstUntilItDies() throws IOException {
        HttpBackend failover = backend("failover", "", 1, 1);
        for (int i = 0; i < 10; i++) {
            call(failover, "GET");
        }
        assertThat(hits()).containsExactly(10, 0);

        upstreams.get(0).stop();
        for (int i = 0; i < 10; i++) {
            assertThat(call(failover, "GET").status()).isEqualTo(200);
        }
        assertThat(hits()[1]).isEqualTo(10);
    }

    @Test
    void aDeadTargetIsSkippedAfterDetectionAndUsedAgainWhenItsChecksPass() throws Exception {
        HttpBackend backend = backend("round_robin", """
                health_check_path = "/health"
                health_check_interval_ms = 200
                healthy_threshold = 2
                unhealthy_threshold = 2
                """, 1, 1, 1);
        Upstream dead = upstreams.get(1);

        dead.stop();
        for (int i = 0; i < 30; i++) {
            assertThat(call(backend, "GET").status()).as("idempotent requests are retried on another target")
                    .isEqualTo(200);
        }
        Target deadTarget = backend.targets().orElseThrow().targets().get(1);
        assertThat(TargetStatus.of(deadTarget).down()).isTrue();

        dead.start();
        long deadline = System.currentTimeMillis() + 5_000;
        while (TargetStatus.of(deadTarget).down() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(TargetStatus.of(deadTarget).down()).as("the health checks bring it back").isFalse();
        assertThat(dead.hits.get()).as("no request reached it while it was down").isZero();
        for (int i = 0; i < 30; i++) {
            call(backend, "GET");
        }
        assertThat(dead.hits.get()).isEqualTo(10);
    }

    @Test
    void nonIdempotentRequestsAreNotRetriedAndAllDownIs503WithRetryAfter() throws IOException {
        HttpBackend backend = backend("failover", "", 1, 1);
        upstreams.forEach(Upstream::stop);

        assertThatThrownBy(() -> call(backend, "POST")).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.type().httpStatus()).isEqualTo(502));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> call(backend, "GET")).as("before both are marked down")
                    .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type().httpStatus()).isEqualTo(502));
        }
        assertThatThrownBy(() -> call(backend, "GET")).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.type().httpStatus()).isEqualTo(503);
            assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(1L, 61L);
        });
    }

    @Test
    void targetsMustExistAndExcludeBaseUrl() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE).pipeline("p.toml", """
                [backends.pool]
                service = "http"
                base_url = "http://127.0.0.1:1"
                targets = ["ghost"]
                strategy = "random"
                """);

        assertThatThrownBy(() -> new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(fixture.read(), null, null, Clock.systemUTC(), "test")).assemble())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[backends.pool] base_url: set either base_url or targets, not both")
                .hasMessageContaining("[backends.pool] strategy: expected one of [failover, round_robin, weighted], got 'random'")
                .hasMessageContaining("[backends.pool] targets: no [targets.ghost] is defined");
    }
}
