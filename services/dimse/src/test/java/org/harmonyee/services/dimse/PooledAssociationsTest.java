package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code max_pooled_associations}: a request after another to the same PACS, for the same
 * contexts, runs on the association the first one left open, as the PACS sees (its count of open
 * associations); one idle past {@code pool_idle_timeout_ms}, or left by a failed operation, is
 * not kept; closing the backend releases the idle ones; and C-GETs on a kept association to
 * dcmqrscp still deliver every instance as stored.
 */
@Timeout(120)
class PooledAssociationsTest {

    @TempDir
    Path directory;
    private TestThreads threads;
    private BackendFixture fixture;
    private TestScp scp;

    @BeforeEach
    void start() {
        threads = new TestThreads("dimse-pool-test");
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

    private static List<Result> findStudies(DimseBackend backend) {
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_FIND,
                Requests.identifier("STUDY", "0020000D", "UI", null)));
        List<Result> matches = Requests.drain(response);
        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000");
        return matches;
    }

    private static void awaitCount(IntSupplier count, int expected, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (count.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count.getAsInt()).isEqualTo(expected);
    }

    @Test
    void findsInARowShareOneAssociationThatIsReleasedOnceIdlePastItsTimeout() throws Exception {
        scp = TestScp.start(0, (context, identifier, matches) -> matches.send(TestScp.match(1)), threads.executor(),
                null);
        DimseBackend backend = fixture.backend(BackendFixture.pacs(TestScp.AE_TITLE, scp.port(), """
                max_pooled_associations = 2
                pool_idle_timeout_ms = 1500
                """));

        for (int i = 0; i < 5; i++) {
            assertThat(findStudies(backend)).hasSize(1);
            assertThat(scp.activeAssociations()).as("open at the PACS after find " + (i + 1)).isEqualTo(1);
        }
        backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null));
        assertThat(scp.activeAssociations()).as("C-ECHO needs a context of its own").isEqualTo(2);
        assertThat(backend.associations().idleCount()).isEqualTo(2);

        awaitCount(scp::activeAssociations, 0, 5_000);
        assertThat(backend.associations().idleCount()).isZero();
        assertThat(findStudies(backend)).hasSize(1);
    }

    @Test
    void anAssociationWhoseFindFailedIsNotKept() throws Exception {
        AtomicBoolean refuse = new AtomicBoolean(true);
        scp = TestScp.start(0, (context, identifier, matches) -> {
            if (refuse.get()) {
                throw new DimseException(Status.UNABLE_TO_PROCESS, "refused on cue");
            }
            matches.send(TestScp.match(1));
        }, threads.executor(), null);
        DimseBackend backend = fixture.backend(BackendFixture.pacs(TestScp.AE_TITLE, scp.port(),
                "max_pooled_associations = 2"));

        ResponseEnvelope refused = backend.invoke(Requests.dimse(DimseRequests.C_FIND,
                Requests.identifier("STUDY", "0020000D", "UI", null)));
        assertThatThrownBy(() -> refused.results().orElseThrow().next()).isInstanceOf(GatewayException.class);
        refused.results().orElseThrow().close();

        awaitCount(scp::activeAssociations, 0, 5_000);
        assertThat(backend.associations().idleCount()).isZero();
        refuse.set(false);
        assertThat(findStudies(backend)).hasSize(1);
        assertThat(backend.associations().idleCount()).isEqualTo(1);
    }

    @Test
    void closingTheBackendReleasesItsIdleAssociations() throws Exception {
        scp = TestScp.echo(0, threads.executor());
        DimseBackend backend = fixture.backend(BackendFixture.pacs(TestScp.AE_TITLE, scp.port(),
                "max_pooled_associations = 4"));
        backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null));
        assertThat(scp.activeAssociations()).isEqualTo(1);

        backend.close();

        awaitCount(scp::activeAssociations, 0, 5_000);
        assertThat(backend.associations().idleCount()).isZero();
    }

    @Test
    void withoutPoolingEveryRequestHasItsOwnAssociation() throws Exception {
        scp = TestScp.echo(0, threads.executor());
        DimseBackend backend = fixture.backend(BackendFixture.pacs(TestScp.AE_TITLE, scp.port(), ""));

        backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null));

        awaitCount(scp::activeAssociations, 0, 5_000);
        assertThat(backend.associations().idleCount()).isZero();
    }

    @Test
    void getsOnAKeptAssociationToDcmqrscpDeliverEveryInstanceAsStored() throws Exception {
        List<TestDataset.Instance> instances = TestDataset.instances();
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        try (Dcmqrscp qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), loader, Map.of())) {
            DimseBackend backend = fixture.backend(BackendFixture.pacs(Dcmqrscp.AE_TITLE, qr.port(), """
                    local_aet = "HARMONY"
                    max_pooled_associations = 2
                    pool_idle_timeout_ms = 30000
                    """));
            String studyUid = DcmqrscpBackendTest.mixedStudy(instances);
            List<TestDataset.Instance> expected = instances.stream()
                    .filter(i -> i.studyInstanceUid().equals(studyUid)).toList();

            for (int round = 0; round < 3; round++) {
                Path received = Files.createDirectories(directory.resolve("get-" + round));
                ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_GET,
                        Requests.identifier("STUDY", "0020000D", "UI", studyUid)));
                ResultStream results = response.results().orElseThrow();
                for (Optional<Result> part = results.next(); part.isPresent(); part = results.next()) {
                    DcmqrscpBackendTest.save(part.get(), received);
                }
                results.close();
                assertThat(backend.associations().idleCount()).as("kept after get " + (round + 1)).isEqualTo(1);

                assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000")
                        .containsEntry(DimseRequests.COMPLETED, String.valueOf(expected.size()));
                SameInstances.assertReceived(expected, received);
            }
        }
    }
}
