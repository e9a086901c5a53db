package org.harmonyee.cli;

import com.sun.net.httpserver.HttpServer;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AwaitReadyCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
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

    private Path dicomOnlyConfig(int port) throws IOException {
        Path file = directory.resolve("config.toml");
        Files.writeString(file, """
                [proxy]
                id = "x"
                [network.imaging.dicom]
                bind_address = "0.0.0.0"
                bind_port = %d
                aet = "GATEWAY_AE"
                """.formatted(port));
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aDicomOnlyConfigurationIsReadyOnlyOnceItsListenerAnswersAnAssociation() throws Exception {
        int port = freePort();
        String config = dicomOnlyConfig(port).toString();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> run("await-ready", "--config",
                config, "--timeout-seconds", "30"), threads);
        String called = "GATEWAY_AE";
        Thread.sleep(1_500);
        assertThat(status).as("nothing listens yet").isNotDone();

        AcceptorConfig listener = AcceptorConfig.loopback(called);
        try (AssociationAcceptor acceptor = new AssociationAcceptor(new AcceptorConfig("127.0.0.1", port,
                listener.calledAETitles(), listener.callingAETitles(), listener.capabilities(),
                listener.maxAssociations(), listener.settings(), null), new DimseServiceRouter(new QueryRetrieveScp(threads)),
                threads).start()) {

            assertThat(status.get(20, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Harmony EE ready: dicom://GATEWAY_AE@127.0.0.1:"
                    + port + System.lineSeparator());
        }
    }

    @Test
    void aPortThatAcceptsButSpeaksNoDicomIsNotReady() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            threads.execute(() -> {
                while (!silent.isClosed()) {
                    try {
                        Socket accepted = silent.accept();
                        accepted.setSoLinger(true, 0);
                    } catch (IOException e) {
                        return;
                    }
                }
            });

            int status = run("await-ready", "--config", dicomOnlyConfig(silent.getLocalPort()).toString(),
                    "--timeout-seconds", "3");

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("not ready before the timeout: dicom://GATEWAY_AE@127.0.0.1:"
                    + silent.getLocalPort());
        }
    }

    @Test
    void aListenerThatRejectsTheAssociationIsNotReadyYet() throws Exception {
        AcceptorConfig other = AcceptorConfig.loopback("NOT_THE_GATEWAY");
        try (AssociationAcceptor rejecting = new AssociationAcceptor(other, new DimseServiceRouter(
                new QueryRetrieveScp(threads)), threads).start()) {

            int status = run("await-ready", "--config", dicomOnlyConfig(rejecting.port()).toString(),
                    "--timeout-seconds", "2");

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("not ready before the timeout: dicom://GATEWAY_AE@");
        }
    }
}
