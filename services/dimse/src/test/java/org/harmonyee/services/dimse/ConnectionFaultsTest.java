package org.harmonyee.services.dimse;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetStatus;
import org.harmonyee.dicom.net.TestThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a caller gets when the PACS cannot be reached: a closed port, a listener that never speaks,
 * a dead target among live ones, and targets that C-ECHO probes take down and bring back.
 */
@Timeout(60)
class ConnectionFaultsTest {

    @TempDir
    Path directory;
    private TestThreads threads;
    private BackendFixture fixture;
    private final List<AutoCloseable> peers = new ArrayList<>();

    @BeforeEach
    void start() {
        threads = new TestThreads("dimse-fault-test");
        fixture = new BackendFixture(directory, threads.executor());
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        for (AutoCloseable peer : peers) {
            peer.close();
        }
        threads.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void aClosedPortIs502AtOnce() throws IOException {
        DimseBackend backend = fixture.backend(BackendFixture.pacs("PACS", closedPort(), "connect_timeout_ms = 5000"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.BACKEND_UNREACHABLE);
                    assertThat(e.dimseStatus()).isEqualTo(0xA701);
                    assertThat(e.detail()).contains("'pacs' is unreachable at dicom://PACS@127.0.0.1:")
                            .contains("refused");
                });
        assertThat(millisSince(start)).isLessThan(2_000);
    }

    @Test
    void aListenerThatNeverAnswersIs504WithinTheConnectTimeout() throws Exception {
        ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        peers.add(silent);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                accepted.add(silent.accept());
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        DimseBackend backend = fixture.backend(BackendFixture.pacs("PACS", silent.getLocalPort(),
                "connect_timeout_ms = 1000\ndimse_timeout_ms = 60000"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> backend.invoke(Requests.dimse(DimseRequests.C_FIND,
                Requests.identifier("STUDY", "0020000D", "UI", null))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.BACKEND_TIMEOUT);
                    assertThat(e.type().httpStatus()).isEqualTo(504);
                    assertThat(e.detail()).contains("within the connect timeout");
                });
        assertThat(millisSince(start)).isBetween(900L, 4_000L);
        acceptor.join(1_000);
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void aDeadTargetIsMarkedDownAndReadsGoToTheNext() throws Exception {
        TestScp live = TestScp.echo(0, threads.executor());
        peers.add(live);
        DimseBackend backend = fixture.backend(BackendFixture.pacs("""
                targets = ["dead", "live"]
                strategy = "failover"
                max_failures = 1
                cooldown_ms = 60000
                """) + target("dead", closedPort(), "") + target("live", live.port(), ""));

        for (int i = 0; i < 3; i++) {
            assertThat(backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null)).status()).isEqualTo(200);
            assertThat(Requests.drain(backend.invoke(Requests.dimse(DimseRequests.C_FIND,
                    Requests.identifier("STUDY", "0020000D", "UI", null))))).isEmpty();
        }

        List<Target> targets = backend.targets().orElseThrow().targets();
        assertThat(targets.get(0).url().toString()).startsWith("dicom://TESTSCP@127.0.0.1:");
        assertThat(TargetStatus.of(targets.get(0)).down()).isTrue();
        assertThat(TargetStatus.of(targets.get(0)).lastError()).contains("ConnectException");
        assertThat(TargetStatus.of(targets.get(1)).down()).isFalse();
    }

    @Test
    void aWriteIsNotRetriedOnAnotherTarget() throws Exception {
        TestScp live = TestScp.echo(0, threads.executor());
        peers.add(live);
        DimseBackend backend = fixture.backend(BackendFixture.pacs("""
                targets = ["dead", "live"]
                strategy = "failover"
                max_failures = 5
                """) + target("dead", closedPort(), "") + target("live", live.port(), ""));

        assertThatThrownBy(() -> backend.invoke(Requests.http("POST", "/move",
                Requests.identifier("STUDY", "0020000D", "UI", "1.2.3"), DimseRequests.MOVE_DESTINATION, "ELSEWHERE")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.BACKEND_UNREACHABLE));
    }

    @Test
    void cEchoProbesTakeATargetDownAndBringItBack() throws Exception {
        TestScp first = TestScp.echo(0, threads.executor());
        int port = first.port();
        DimseBackend backend = fixture.backend(BackendFixture.pacs("targets = [\"probed\"]")
                + target("probed", port, """
                health_check = true
                health_check_interval_ms = 100
                health_check_timeout_ms = 1000
                healthy_threshold = 1
                unhealthy_threshold = 1
                """));
        Target target = backend.targets().orElseThrow().targets().get(0);
        assertThat(target.activelyChecked()).isTrue();
        awaitChecked(target);
        assertThat(TargetStatus.of(target).down()).isFalse();

        first.close();
        awaitDown(target, true);
        assertThat(TargetStatus.of(target).lastError()).contains("C-ECHO to TESTSCP@127.0.0.1:" + port + " failed");
        assertThatThrownBy(() -> backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null)))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.BACKEND_UNAVAILABLE));

        peers.add(TestScp.echo(port, threads.executor()));
        awaitDown(target, false);
        assertThat(backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null)).status()).isEqualTo(200);
    }

    @Test
    void aTargetWithoutHealthCheckIsOnlyWatchedPassively() throws Exception {
        TestScp live = TestScp.echo(0, threads.executor());
        peers.add(live);
        DimseBackend backend = fixture.backend(BackendFixture.pacs("targets = [\"plain\"]")
                + target("plain", live.port(), ""));

        assertThat(backend.targets().orElseThrow().targets().get(0).activelyChecked()).isFalse();
    }

    static String target(String name, int port, String moreLines) {
        return "[targets." + name + "]\naet = \"" + TestScp.AE_TITLE + "\"\nhost = \"127.0.0.1\"\nport = " + port + "\n"
                + moreLines + "\n";
    }

    private static void awaitChecked(Target target) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (TargetStatus.of(target).lastChecked() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(TargetStatus.of(target).lastChecked()).as("checked by its probe").isNotNull();
    }

    private static void awaitDown(Target target, boolean down) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (TargetStatus.of(target).down() != down && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(TargetStatus.of(target).down()).as("down").isEqualTo(down);
    }
}
