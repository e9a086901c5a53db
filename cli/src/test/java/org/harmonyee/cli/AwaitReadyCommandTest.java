package org.harmonyee.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AwaitReadyCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int run(String... args) {
        return HarmonyCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path configFor(int port) throws IOException {
        Path file = directory.resolve("config.toml");
        Files.writeString(file, """
                [proxy]
                id = "x"
                [network.public.http]
                bind_address = "0.0.0.0"
                bind_port = %d
                """.formatted(port));
        return file;
    }

    /** Like a container that has not mapped the application yet: 500 without the gateway's header. */
    private int serverReadyAfter(int containerAnswers) throws IOException {
        AtomicInteger probes = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (probes.incrementAndGet() > containerAnswers) {
                exchange.getResponseHeaders().add("X-Exchange-Id", "abc");
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(500, -1);
            }
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    @Test
    void readyOnlyOnceTheGatewayItselfAnswers() throws IOException {
        int port = serverReadyAfter(3);

        int status = run("await-ready", "--config", configFor(port).toString(), "--timeout-seconds", "20");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Harmony EE ready: http://127.0.0.1:" + port + "/" + System.lineSeparator());
    }

    @Test
    void aServerThatEndsEndsTheWait() throws Exception {
        int port = serverReadyAfter(Integer.MAX_VALUE);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        int status = run("await-ready", "--config", configFor(port).toString(), "--pid", Long.toString(ended.pid()));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theTimeoutEndsTheWait() throws IOException {
        int port = serverReadyAfter(Integer.MAX_VALUE);

        int status = run("await-ready", "--config", configFor(port).toString(), "--timeout-seconds", "1");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not ready before the timeout");
    }
}
