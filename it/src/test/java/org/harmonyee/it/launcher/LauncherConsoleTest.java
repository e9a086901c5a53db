package org.harmonyee.it.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees when they type {@code ./harmony run}: a few readable lines (each network and
 * pipeline), {@code Harmony EE ready}, then one line per exchange; no stack trace, no colour codes,
 * no line longer than 200 characters. The server's own chatter goes to the log file in the state
 * folder. Runs the real launcher on the WAR and Payara Micro this build made.
 */
class LauncherConsoleTest {

    @RegisterExtension
    final Launches launches = new Launches();

    @Test
    void aHealthyStartIsQuietAndReadableAndLogsEachExchangeRefusedOnesIncludedOnOneLine() throws Exception {
        int publicPort = LaunchedGateway.freePort();
        int managementPort = LaunchedGateway.freePort();
        Launches.Started started = launches.startReady(writeConfig(publicPort, managementPort), Map.of());
        LaunchedGateway gateway = started.gateway();
        List<String> startup = started.startup();

        assertThat(startup).as("the console before ready").noneMatch(line -> line.contains("\tat ")
                || line.startsWith("at ") || line.contains("Exception"));
        assertThat(startup).as("no library's warnings about itself").noneMatch(line -> line.startsWith("SLF4J"));
        assertThat(startup).as("no colour codes").noneMatch(line -> line.indexOf('\u001b') >= 0);
        assertThat(startup).as("no line longer than 200 characters").allMatch(line -> line.length() <= 200);
        assertThat(startup).anyMatch(line -> line.contains("network 'public' listens on http://127.0.0.1:" + publicPort))
                .anyMatch(line -> line.contains("pipeline 'echo'"));
        assertThat(startup.size()).as("a few lines, not the server's boot log").isLessThan(40);
        assertThat(Files.list(launches.directory().resolve("state/payara-micro/logs")))
                .as("the server's own log goes to the state folder").isNotEmpty();

        HttpResponse<String> echo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + publicPort + "/echo/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        String exchangeId = echo.headers().firstValue("X-Exchange-Id").orElseThrow();
        gateway.readUntil(exchangeId, Duration.ofSeconds(30));
        assertThat(gateway.console()).filteredOn(l -> l.contains(exchangeId)).singleElement().satisfies(exchange -> {
            assertThat(exchange).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO " + exchangeId + " .*");
            assertThat(exchange).contains("GET /echo/hello -> 200");
        });

        String refused = rawGet(publicPort, "/echo/x?q=%zz");
        assertThat(refused).as("a malformed query is refused at the door").startsWith("HTTP/1.1 400");
        String refusedId = refused.lines().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("x-exchange-id:"))
                .map(h -> h.substring(h.indexOf(':') + 1).strip()).findFirst().orElseThrow();
        gateway.readUntil(refusedId, Duration.ofSeconds(30));
        assertThat(gateway.console()).filteredOn(l -> l.contains(refusedId)).singleElement()
                .satisfies(line -> assertThat(line).contains("network=public").contains("-> 400"));
    }

    private Path writeConfig(int publicPort, int managementPort) throws IOException {
        launches.write("pipelines/echo.toml", """
                [pipelines.echo]
                networks = ["public"]
                endpoints = ["echo_http"]
                backends = ["echo_backend"]
                [endpoints.echo_http]
                service = "http"
                path_prefix = "/echo"
                [backends.echo_backend]
                service = "echo"
                """);
        return launches.write("config.toml", """
                [proxy]
                id = "console-test"
                pipelines_path = "pipelines"
                [network.public.http]
                bind_address = "127.0.0.1"
                bind_port = %d
                [network.admin.http]
                bind_address = "127.0.0.1"
                bind_port = %d
                [management]
                enabled = true
                network = "admin"
                [storage.options]
                path = "storage"
                """.formatted(publicPort, managementPort));
    }

    /** A request no URI class would build (a malformed escape), written as raw HTTP/1.1. */
    private static String rawGet(int port, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
