package org.harmonyee.it.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What a person sees when they type {@code ./harmony run}: a few readable lines (each network and
 * pipeline), {@code Harmony EE ready}, then one line per exchange; no stack trace, no colour codes,
 * no line longer than 200 characters. The server's own chatter goes to the log file in the state
 * folder. Runs the real launcher on the WAR and Payara Micro this build made.
 */
class LauncherConsoleTest {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    @TempDir
    Path directory;

    private Process launcher;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            List<ProcessHandle> descendants = launcher.descendants().toList();
            launcher.destroy();
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    @Test
    void aHealthyStartIsQuietAndReadableAndLogsEachExchangeRefusedOnesIncludedOnOneLine() throws Exception {
        int publicPort = freePort();
        int managementPort = freePort();
        Path config = writeConfig(publicPort, managementPort);
        launch(config);

        List<String> startup = readUntil("Harmony EE ready", STARTUP);

        assertThat(startup).as("the console before ready").noneMatch(line -> line.contains("\tat ")
                || line.startsWith("at ") || line.contains("Exception"));
        assertThat(startup).as("no colour codes").noneMatch(line -> line.indexOf('\u001b') >= 0);
        assertThat(startup).as("no line longer than 200 characters").allMatch(line -> line.length() <= 200);
        assertThat(startup).anyMatch(line -> line.contains("network 'public' listens on http://127.0.0.1:" + publicPort))
                .anyMatch(line -> line.contains("pipeline 'echo'"));
        assertThat(startup.size()).as("a few lines, not the server's boot log").isLessThan(40);
        assertThat(Files.list(directory.resolve("state/payara-micro/logs")))
                .as("the server's own log goes to the state folder").isNotEmpty();

        HttpResponse<String> echo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + publicPort + "/echo/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        String exchangeId = echo.headers().firstValue("X-Exchange-Id").orElseThrow();
        readUntil(exchangeId, Duration.ofSeconds(30));
        assertThat(console).filteredOn(l -> l.contains(exchangeId)).singleElement().satisfies(exchange -> {
            assertThat(exchange).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO " + exchangeId + " .*");
            assertThat(exchange).contains("GET /echo/hello -> 200");
        });

        String refused = rawGet(publicPort, "/echo/x?q=%zz");
        assertThat(refused).as("a malformed query is refused at the door").startsWith("HTTP/1.1 400");
        String refusedId = refused.lines().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("x-exchange-id:"))
                .map(h -> h.substring(h.indexOf(':') + 1).strip()).findFirst().orElseThrow();
        readUntil(refusedId, Duration.ofSeconds(30));
        assertThat(console).filteredOn(l -> l.contains(refusedId)).singleElement()
                .satisfies(line -> assertThat(line).contains("network=public").contains("-> 400"));
    }

    private Path writeConfig(int publicPort, int managementPort) throws IOException {
        Path pipelines = Files.createDirectories(directory.resolve("pipelines"));
        Files.writeString(pipelines.resolve("echo.toml"), """
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
        return Files.writeString(directory.resolve("config.toml"), """
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

    private void launch(Path config) throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("harmony").toString(), "run", "--config",
                config.toString()).redirectErrorStream(true);
        builder.environment().put("HARMONY_STATE_DIR", directory.resolve("state").toString());
        launcher = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    console.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("console closed: " + e);
            }
        }, "launcher-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** The lines read until one contains {@code marker} (included); fails at the deadline or if the launcher exits. */
    private List<String> readUntil(String marker, Duration within) throws InterruptedException {
        List<String> read = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                read.add(line);
                if (line.contains(marker)) {
                    return read;
                }
            } else if (!launcher.isAlive()) {
                fail("the launcher exited with " + launcher.exitValue() + " before '" + marker + "':\n"
                        + String.join("\n", console));
            }
        }
        return fail("no '" + marker + "' within " + within + ":\n" + String.join("\n", console));
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
