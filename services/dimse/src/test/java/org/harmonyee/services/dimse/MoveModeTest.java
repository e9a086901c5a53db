package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.PeerProcess;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code dimse_retrieve_mode = "move"} with {@code incoming_store_port}: against dcmqrscp without
 * C-GET ({@code --disable-get}), which knows the backend's {@code local_aet} at that port, a DICOM door's C-GET and C-MOVE and an HTTP
 * door's get are C-MOVEs whose instances land on the backend's own store SCP and stream on as
 * they arrive, every one as stored; two retrieves at once each get their own study; the options
 * are checked.
 */
@Timeout(180)
class MoveModeTest {

    private static final String LOCAL_AET = "HARMONY_MOVE";
    private static final String FALLBACK_AET = "HARMONY_FALLBACK";

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Dcmqrscp qr;
    private static BackendFixture fixture;
    private static DimseBackend backend;
    private static DimseBackend fallback;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("dimse-move-test");
        instances = TestDataset.instances();
        int incoming = PeerProcess.freePort();
        int fallbackIncoming = PeerProcess.freePort();
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), loader,
                Map.of(LOCAL_AET, incoming, FALLBACK_AET, fallbackIncoming), "-xy", "--disable-get", "--check-move");
        fixture = new BackendFixture(directory, threads.executor());
        backend = fixture.backend(BackendFixture.pacs(Dcmqrscp.AE_TITLE, qr.port(), """
                local_aet = "%s"
                dimse_retrieve_mode = "move"
                incoming_store_port = %d
                incoming_store_bind_address = "127.0.0.1"
                max_pooled_associations = 2
                """.formatted(LOCAL_AET, incoming)));
        fallback = fixture.backend(BackendFixture.pacs(Dcmqrscp.AE_TITLE, qr.port(), """
                local_aet = "%s"
                dimse_retrieve_mode = "get_or_move"
                incoming_store_port = %d
                incoming_store_bind_address = "127.0.0.1"
                """.formatted(FALLBACK_AET, fallbackIncoming)));
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

    private static List<TestDataset.Instance> study(String uid) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    /** A DICOM door's retrieve of a study, its parts saved into {@code folder}; returns the response. */
    private static ResponseEnvelope retrieveInto(String operation, String studyUid, Path folder, String... metadata)
            throws Exception {
        return retrieveInto(backend, operation, studyUid, folder, metadata);
    }

    private static ResponseEnvelope retrieveInto(DimseBackend backend, String operation, String studyUid, Path folder,
                                                 String... metadata) throws Exception {
        ResponseEnvelope response = backend.invoke(Requests.dimse(operation,
                Requests.identifier("STUDY", "0020000D", "UI", studyUid), metadata));
        try (ResultStream results = response.results().orElseThrow()) {
            for (Optional<Result> part = results.next(); part.isPresent(); part = results.next()) {
                assertThat(part.get().body().isBuffered()).isFalse();
                DcmqrscpBackendTest.save(part.get(), folder);
            }
        }
        return response;
    }

    @Test
    void aDoorsGetOfTheMixedStudyArrivesByMoveEachInstanceAsStored() throws Exception {
        List<TestDataset.Instance> expected = study(DcmqrscpBackendTest.mixedStudy(instances));
        Path received = Files.createDirectories(directory.resolve("door-get"));

        ResponseEnvelope response = retrieveInto(DimseRequests.C_GET, expected.get(0).studyInstanceUid(), received);

        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000")
                .containsEntry(DimseRequests.COMPLETED, String.valueOf(expected.size()))
                .containsEntry(DimseRequests.FAILED, "0");
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void inGetModeThisPacsRetrievesNothing() {
        DimseBackend getMode = fixture.backend(BackendFixture.pacs(Dcmqrscp.AE_TITLE, qr.port(), "local_aet = \"HARMONY_GET\""));
        ResponseEnvelope response = getMode.invoke(Requests.dimse(DimseRequests.C_GET,
                Requests.identifier("STUDY", "0020000D", "UI", instances.get(0).studyInstanceUid())));

        assertThatThrownBy(() -> response.results().orElseThrow().next()).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.detail()).contains("C-GET"));
    }

    @Test
    void aDoorsMoveIsRetrievedByMoveForTheDoorToSendOn() throws Exception {
        List<TestDataset.Instance> expected = study(DcmqrscpBackendTest.largestStudy(instances));
        Path received = Files.createDirectories(directory.resolve("door-move"));

        ResponseEnvelope response = retrieveInto(DimseRequests.C_MOVE, expected.get(0).studyInstanceUid(), received,
                DimseRequests.MOVE_DESTINATION, "ANYWHERE",
                DimseRequests.AFFECTED_SOP_CLASS, UID.StudyRootQueryRetrieveInformationModelMove);

        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000")
                .containsEntry(DimseRequests.COMPLETED, String.valueOf(expected.size()));
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void twoRetrievesAtOnceEachReceiveTheirOwnStudy() throws Exception {
        List<String> studies = instances.stream().map(TestDataset.Instance::studyInstanceUid).distinct().limit(2).toList();
        List<CompletableFuture<Path>> retrieves = studies.stream().map(uid -> CompletableFuture.supplyAsync(() -> {
            try {
                Path folder = Files.createDirectories(directory.resolve("both-" + uid));
                retrieveInto(DimseRequests.C_GET, uid, folder);
                return folder;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads.executor())).toList();

        for (int i = 0; i < studies.size(); i++) {
            SameInstances.assertReceived(study(studies.get(i)), retrieves.get(i).get(120, TimeUnit.SECONDS));
        }
    }

    @Test
    void inGetOrMoveModeTheGetThisPacsRefusesIsPerformedAsAMove() throws Exception {
        List<TestDataset.Instance> expected = study(DcmqrscpBackendTest.mixedStudy(instances));
        Path received = Files.createDirectories(directory.resolve("fallback-get"));

        ResponseEnvelope response = retrieveInto(fallback, DimseRequests.C_GET, expected.get(0).studyInstanceUid(),
                received);

        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000")
                .containsEntry(DimseRequests.COMPLETED, String.valueOf(expected.size()))
                .containsEntry(DimseRequests.FAILED, "0");
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void anHttpGetArrivesByMoveIntoAFolderOfTheStorage() throws Exception {
        assertHttpGetIntoAFolder(backend);
    }

    @Test
    void inGetOrMoveModeAnHttpGetThisPacsRefusesArrivesByMoveIntoAFolder() throws Exception {
        assertHttpGetIntoAFolder(fallback);
    }

    private static void assertHttpGetIntoAFolder(DimseBackend backend) throws Exception {
        List<TestDataset.Instance> expected = study(DcmqrscpBackendTest.mixedStudy(instances));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("identifier", Requests.identifier("STUDY", "0020000D", "UI", expected.get(0).studyInstanceUid()));

        ResponseEnvelope response = backend.invoke(Requests.http("POST", "/get", body));
        JsonNode get;
        try (InputStream in = response.body().open()) {
            get = Json.parse(in);
        }

        assertThat(get.path("operation").asText()).isEqualTo("get");
        assertThat(get.path("completed").asInt()).isEqualTo(expected.size());
        Path folder = Path.of(get.path("folder_path").asText());
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()))
                    .isEqualTo(expected.stream().map(i -> i.sopInstanceUid() + ".dcm").collect(Collectors.toSet()));
        }
        SameInstances.assertReceived(expected, folder);
    }

    @Test
    void aStudyThePacsDoesNotHoldIsAnsweredWithoutInstances() throws Exception {
        ResponseEnvelope response = retrieveInto(DimseRequests.C_GET, "1.2.3.4.5.6.7.8.9",
                Files.createDirectories(directory.resolve("none")));

        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000")
                .containsEntry(DimseRequests.COMPLETED, "0");
    }

    @Test
    void theOptionsOfMoveModeAreChecked() throws Exception {
        assertThat(fixture.problems(BackendFixture.pacs("PACS", 104, "incoming_store_port = 11123")))
                .contains("[backends.pacs] incoming_store_port: needs dimse_retrieve_mode = \"move\" or \"get_or_move\"");
        assertThat(fixture.problems(BackendFixture.pacs("PACS", 104, "dimse_retrieve_mode = \"get_or_move\"")))
                .contains("pipelines/pacs.toml: [backends.pacs] dimse_retrieve_mode: \"get_or_move\" needs"
                        + " incoming_store_port");
        assertThat(fixture.problems(BackendFixture.pacs("PACS", 104, """
                dimse_retrieve_mode = "move"
                incoming_store_port = 70000
                """))).contains("[backends.pacs] incoming_store_port: expected 1-65535, got 70000");
        assertThat(fixture.problems(BackendFixture.pacs("PACS", 104, "incoming_store_bind_address = \"127.0.0.1\"")))
                .contains("[backends.pacs] incoming_store_bind_address: needs incoming_store_port");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> fixture.backend(BackendFixture.pacs("PACS", 104, """
                    dimse_retrieve_mode = "move"
                    incoming_store_port = %d
                    incoming_store_bind_address = "127.0.0.1"
                    """.formatted(taken.getLocalPort()))))
                    .hasMessageContaining("[backends.pacs] incoming_store_port: cannot listen on 127.0.0.1:"
                            + taken.getLocalPort());
        }
    }

    @Test
    void aMoveThePacsRefusesFailsWithItsStatus() {
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_GET,
                Requests.identifier("PATIENT", "00100020", "LO", "PAT001"),
                DimseRequests.AFFECTED_SOP_CLASS, UID.StudyRootQueryRetrieveInformationModelGet));

        assertThatThrownBy(() -> response.results().orElseThrow().next())
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(Status.isFailure(e.dimseStatus())).isTrue();
                    assertThat(e.detail()).contains("C-MOVE");
                });
    }
}
