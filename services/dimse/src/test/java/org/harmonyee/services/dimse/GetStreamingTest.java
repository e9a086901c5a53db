package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A C-GET of the largest study (46 instances, 26.8 MB) from dcmqrscp, consumed slowly: the PACS is
 * held back to one instance ahead of the consumer, the heap does not grow by the study, and a
 * consumer that goes away mid-instance leaves no association or thread behind.
 */
@Timeout(120)
class GetStreamingTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Dcmqrscp qr;
    private static BackendFixture fixture;
    private static DimseBackend backend;
    private static List<TestDataset.Instance> study;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("dimse-get-test");
        List<TestDataset.Instance> instances = TestDataset.instances();
        String largest = DcmqrscpBackendTest.largestStudy(instances);
        study = instances.stream().filter(i -> i.studyInstanceUid().equals(largest)).toList();
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        qr = LoadedDcmqrscp.start(directory, loader, Map.of());
        fixture = new BackendFixture(directory, threads.executor());
        backend = fixture.backend(BackendFixture.pacs(Dcmqrscp.AE_TITLE, qr.port(), "dimse_timeout_ms = 30000"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (fixture != null) {
            fixture.close();
        }
        if (qr != null) {
            qr.close();
        }
        threads.close();
    }

    private static Attributes theStudy() {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, study.get(0).studyInstanceUid());
        return keys;
    }

    private static long studyBytes() throws IOException {
        long total = 0;
        for (TestDataset.Instance instance : study) {
            total += Files.size(instance.file());
        }
        return total;
    }

    @Test
    void aSlowConsumerHoldsThePacsBackToOneInstanceAndTheHeapDoesNotGrowByTheStudy() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long grown = 0;
        Set<String> received = new HashSet<>();
        long bytes = 0;
        GetSource source = backend.operations().get("slow", UID.StudyRootQueryRetrieveInformationModelGet, theStudy(),
                Priority.MEDIUM);
        try {
            for (Optional<Result> part = source.next(); part.isPresent(); part = source.next()) {
                received.add(part.get().headers().first(DimseRequests.SOP_INSTANCE_UID_HEADER).orElseThrow());
                bytes += readSlowly(part.get());
                if (received.size() == 10) {
                    System.gc();
                    grown = memory.getHeapMemoryUsage().getUsed() - baseline;
                }
            }
        } finally {
            source.close();
        }

        assertThat(received).hasSize(study.size());
        assertThat(bytes).isGreaterThan(studyBytes() - study.size() * 1024L);
        assertThat(source.mostAhead()).as("instances the PACS sent ahead of the consumer").isLessThanOrEqualTo(1);
        assertThat(grown).as("heap growth after 10 of 46 instances").isLessThan(studyBytes() / 3);
    }

    /** Reads a part in small pieces with pauses: a consumer slower than the network. */
    private static long readSlowly(Result part) throws Exception {
        long total = 0;
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = part.body().open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total % (256 * 1024) < n) {
                    Thread.sleep(2);
                }
            }
        }
        return total;
    }

    @Test
    void aConsumerThatGoesAwayMidInstanceAbortsTheAssociationAndLeavesNothingRunning() throws Exception {
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_GET,
                Requests.identifier("STUDY", "0020000D", "UI", study.get(0).studyInstanceUid())));
        ResultStream results = response.results().orElseThrow();
        Result first = results.next().orElseThrow();
        InputStream body = first.body().open();
        assertThat(body.readNBytes(1000)).hasSize(1000);

        long start = System.nanoTime();
        results.close();

        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to close").isLessThan(3_000);
        threads.awaitActive(0, 5_000);
        assertThat(response.metadata()).doesNotContainKey(DimseRequests.STATUS);
        assertThat(backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null)).status()).isEqualTo(200);
    }

    @Test
    void pullingTheNextInstanceDropsAnUnreadOneWhichTheSubOperationReportsAsFailed() {
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_GET,
                Requests.identifier("STUDY", "0020000D", "UI", study.get(0).studyInstanceUid())));
        ResultStream results = response.results().orElseThrow();
        int parts = 0;
        GatewayException end = null;
        try {
            while (results.next().isPresent()) {
                parts++;
            }
        } catch (GatewayException e) {
            end = e;
        }

        assertThat(parts).isEqualTo(study.size());
        assertThat(end).as("every sub-operation failed: dcmqrscp ends with A702").isNotNull();
        assertThat(end.type()).isEqualTo(ProblemType.BACKEND_UNAVAILABLE);
        assertThat(end.dimseStatus()).isEqualTo(Status.OUT_OF_RESOURCES_SUB_OPERATIONS);
        assertThat(results.isEnded()).isTrue();
    }
}
