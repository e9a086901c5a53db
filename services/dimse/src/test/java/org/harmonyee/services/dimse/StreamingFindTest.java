package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * C-FIND results flow as the PACS sends them, against an SCP that holds back its last matches
 * until the test has pulled the first, one that goes on until cancelled, and one that falls silent.
 */
@Timeout(60)
class StreamingFindTest {

    @TempDir
    Path directory;
    private TestThreads threads;
    private BackendFixture fixture;
    private TestScp scp;

    @BeforeEach
    void start() {
        threads = new TestThreads("dimse-find-test");
        fixture = new BackendFixture(directory, threads.executor());
    }

    @AfterEach
    void stop() throws InterruptedException {
        fixture.close();
        if (scp != null) {
            scp.close();
        }
        threads.close();
    }

    private DimseBackend backendFor(TestScp peer, String moreLines) {
        return fixture.backend(BackendFixture.pacs(TestScp.AE_TITLE, peer.port(), moreLines));
    }

    private static ResponseEnvelope findStudies(DimseBackend backend) {
        return backend.invoke(Requests.dimse(DimseRequests.C_FIND, Requests.identifier("STUDY", "0020000D", "UI", null)));
    }

    @Test
    void theFirstMatchIsDeliveredBeforeThePacsHasSentTheLast() throws Exception {
        CountDownLatch firstPulled = new CountDownLatch(1);
        AtomicBoolean lastSent = new AtomicBoolean();
        scp = TestScp.start(0, (context, identifier, matches) -> {
            for (int i = 0; i < 5; i++) {
                matches.send(TestScp.match(i));
            }
            try {
                if (!firstPulled.await(20, TimeUnit.SECONDS)) {
                    throw new DimseException(Status.UNABLE_TO_PROCESS, "the first match was never pulled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 5; i < 10; i++) {
                matches.send(TestScp.match(i));
            }
            lastSent.set(true);
        }, threads.executor(), null);
        ResponseEnvelope response = findStudies(backendFor(scp, ""));

        Result first = response.results().orElseThrow().next().orElseThrow();
        assertThat(lastSent).as("the PACS has sent its last match").isFalse();
        firstPulled.countDown();
        List<Result> rest = Requests.drain(response);

        assertThat(Requests.value(first.json(), "0020000D")).isEqualTo("1.2.3.0");
        assertThat(rest).hasSize(9);
        assertThat(lastSent).isTrue();
        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000");
    }

    @Test
    void closingTheResultsSendsCCancelAndReleasesTheAssociation() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        scp = TestScp.start(0, (context, identifier, matches) -> {
            int count = first.getAndSet(false) ? 100_000 : 3;
            for (int i = 0; i < count; i++) {
                if (!matches.send(TestScp.match(i))) {
                    cancelled.countDown();
                    return;
                }
                sent.incrementAndGet();
            }
        }, threads.executor(), null);
        DimseBackend backend = backendFor(scp, "");
        ResultStream results = findStudies(backend).results().orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertThat(results.next()).isPresent();
        }

        results.close();

        assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the SCP saw the C-CANCEL").isTrue();
        assertThat(sent.get()).isLessThan(100_000);
        awaitNoAssociation(scp);
        assertThat(Requests.drain(findStudies(backend))).as("the next find on the backend").hasSize(3);
    }

    @Test
    void aPacsSilentPastTheDimseTimeoutIs504() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        scp = TestScp.start(0, (context, identifier, matches) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threads.executor(), null);
        ResultStream results = findStudies(backendFor(scp, "dimse_timeout_ms = 1000")).results().orElseThrow();

        long start = System.nanoTime();
        try {
            assertThatThrownBy(results::next).isInstanceOfSatisfying(GatewayException.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.BACKEND_TIMEOUT);
                assertThat(e.detail()).contains("within the DIMSE timeout");
            });
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(500L, 5_000L);
        } finally {
            release.countDown();
        }
    }

    private static void awaitNoAssociation(TestScp scp) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (scp.activeAssociations() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(scp.activeAssociations()).as("associations left open").isZero();
    }
}
