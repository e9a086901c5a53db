package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backend against DCMTK's dcmqrscp loaded with the synthetic dataset: echo; C-FIND at every
 * level in both roots, equal to what findscu answers; C-GET streamed with every instance as
 * stored; C-MOVE to storescp; the PACS's refusals; and the Rust Harmony's JSON shapes for HTTP
 * requests.
 */
@Timeout(120)
class DcmqrscpBackendTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Storescp storescp;
    private static Dcmqrscp qr;
    private static BackendFixture fixture;
    private static DimseBackend backend;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("dimse-test");
        instances = TestDataset.instances();
        storescp = Storescp.start(Files.createDirectories(directory.resolve("storescp")), "STORESCP", "-xf",
                TestDataset.storescpProfile().toString(), "Peers");
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), loader,
                Map.of("STORESCP", storescp.port()), "-xy");
        fixture = new BackendFixture(directory, threads.executor());
        backend = fixture.backend(BackendFixture.pacs(Dcmqrscp.AE_TITLE, qr.port(), """
                local_aet = "HARMONY"
                dimse_timeout_ms = 30000
                move_destination = "STORESCP"
                """));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (fixture != null) {
            fixture.close();
        }
        if (qr != null) {
            qr.close();
        }
        if (storescp != null) {
            storescp.close();
        }
        threads.close();
    }

    private static List<TestDataset.Instance> study(String uid) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    /** The study mixing JPEG baseline secondary captures with uncompressed CT. */
    static String mixedStudy(List<TestDataset.Instance> instances) {
        return instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).findFirst()
                .orElseThrow().studyInstanceUid();
    }

    /** The study with the most instances (46, 26.8 MB). */
    static String largestStudy(List<TestDataset.Instance> instances) {
        Map<String, Long> sizes = instances.stream()
                .collect(Collectors.groupingBy(TestDataset.Instance::studyInstanceUid, Collectors.counting()));
        return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static Set<String> ours(ObjectNode identifier, String tag, String... metadata) {
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_FIND, identifier, metadata));
        assertThat(response.status()).isEqualTo(200);
        Set<String> values = Requests.drain(response).stream().map(r -> Requests.value(r.json(), tag))
                .collect(Collectors.toSet());
        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000");
        return values;
    }

    private static Set<String> theirs(String root, int tag, String... keys) throws Exception {
        return Findscu.find(directory.resolve("findscu"), Dcmqrscp.AE_TITLE, qr.port(), root, keys).stream()
                .map(match -> match.getString(tag).strip()).collect(Collectors.toSet());
    }

    @Test
    void echoIsAnsweredSuccess() {
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_ECHO, null));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().length()).isZero();
        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000");
    }

    @Test
    void findAtEveryLevelAndInBothRootsAnswersWhatFindscuAnswers() throws Exception {
        Set<String> studies = ours(Requests.identifier("STUDY", "0020000D", "UI", null, "00100020", "LO", null), "0020000D");
        assertThat(studies).hasSize(4).isEqualTo(theirs("-S", Tag.StudyInstanceUID, "0008,0052=STUDY", "0020,000D",
                "0010,0020"));

        TestDataset.Instance last = instances.get(instances.size() - 1);
        Set<String> series = ours(Requests.identifier("SERIES", "0020000D", "UI", last.studyInstanceUid(),
                "0020000E", "UI", null, "00080060", "CS", null), "0020000E");
        assertThat(series).isNotEmpty().isEqualTo(theirs("-S", Tag.SeriesInstanceUID, "0008,0052=SERIES",
                "0020,000D=" + last.studyInstanceUid(), "0020,000E", "0008,0060"));

        Set<String> images = ours(Requests.identifier("IMAGE", "0020000D", "UI", last.studyInstanceUid(),
                "0020000E", "UI", last.seriesInstanceUid(), "00080018", "UI", null), "00080018");
        assertThat(images).contains(last.sopInstanceUid()).isEqualTo(theirs("-S", Tag.SOPInstanceUID,
                "0008,0052=IMAGE", "0020,000D=" + last.studyInstanceUid(), "0020,000E=" + last.seriesInstanceUid(),
                "0008,0018"));

        Set<String> patients = ours(Requests.identifier("PATIENT", "00100020", "LO", null, "00100010", "PN", null),
                "00100020");
        assertThat(patients).containsExactlyInAnyOrder("PAT001", "PAT002", "PAT003")
                .isEqualTo(theirs("-P", Tag.PatientID, "0008,0052=PATIENT", "0010,0020", "0010,0010"));

        Set<String> studiesOfPatient = ours(Requests.identifier("STUDY", "00100020", "LO", "PAT001", "0020000D", "UI", null),
                "0020000D", DimseRequests.AFFECTED_SOP_CLASS, UID.PatientRootQueryRetrieveInformationModelFind);
        assertThat(studiesOfPatient).hasSize(2).isEqualTo(theirs("-P", Tag.StudyInstanceUID, "0008,0052=STUDY",
                "0010,0020=PAT001", "0020,000D"));
    }

    @Test
    void aRelationalFindForAPatientsInstancesIsWalkedStudyBySeriesAndAnswersEachWithItsStudyAndSeries() {
        ObjectNode identifier = Requests.identifier("IMAGE", "00100020", "LO", "PAT001", "00100010", "PN", null,
                "0020000D", "UI", null, "0020000E", "UI", null, "00080060", "CS", null, "00080018", "UI", null);

        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_FIND, identifier));
        List<JsonNode> matches = Requests.drain(response).stream().map(Result::json).toList();

        List<TestDataset.Instance> patients = instances.stream().filter(i -> i.patientId().equals("PAT001")).toList();
        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000");
        assertThat(matches).extracting(match -> Requests.value(match, "00080018"))
                .containsExactlyInAnyOrderElementsOf(patients.stream().map(TestDataset.Instance::sopInstanceUid).toList());
        for (JsonNode match : matches) {
            TestDataset.Instance instance = patients.stream()
                    .filter(i -> i.sopInstanceUid().equals(Requests.value(match, "00080018"))).findFirst().orElseThrow();
            assertThat(Requests.value(match, "0020000D")).isEqualTo(instance.studyInstanceUid());
            assertThat(Requests.value(match, "0020000E")).isEqualTo(instance.seriesInstanceUid());
            assertThat(Requests.value(match, "00100020")).isEqualTo("PAT001");
            assertThat(match.path("00080060").path("Value").path(0).asText()).isNotBlank();
            assertThat(Requests.value(match, "00080052")).isEqualTo("IMAGE");
        }
    }

    @Test
    void closingAWalkMidwayReleasesEveryLevelsAssociation() throws Exception {
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_FIND,
                Requests.identifier("IMAGE", "00100020", "LO", null, "00080018", "UI", null)));
        ResultStream results = response.results().orElseThrow();

        assertThat(results.next()).isPresent();
        results.close();

        threads.awaitActive(0, 5_000);
        assertThat(ours(Requests.identifier("STUDY", "0020000D", "UI", null), "0020000D")).hasSize(4);
    }

    @Test
    void aRelationalSeriesFindAcrossStudiesAnswersWhatFindscuAnswersStudyByStudy() throws Exception {
        Set<String> expected = new HashSet<>();
        for (String study : instances.stream().map(TestDataset.Instance::studyInstanceUid).distinct().toList()) {
            expected.addAll(theirs("-S", Tag.SeriesInstanceUID, "0008,0052=SERIES", "0020,000D=" + study,
                    "0020,000E", "0008,0060=CT"));
        }

        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set(DimseRequests.HTTP_IDENTIFIER, Requests.identifier("SERIES", "0020000E", "UI", null,
                "00080060", "CS", "CT"));
        JsonNode find = json(backend.invoke(Requests.http("POST", "/find", body)));

        assertThat(expected).isNotEmpty();
        assertThat(find.path("matches")).extracting(match -> Requests.value(match, "0020000E"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(find.path("matches")).allSatisfy(match ->
                assertThat(Requests.value(match, "0020000D")).isNotBlank());
        threads.awaitActive(0, 5_000);
    }

    @Test
    void closingAFindMidwayCancelsItAndTheBackendGoesOn() throws Exception {
        TestDataset.Instance any = study(largestStudy(instances)).get(0);
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_FIND, Requests.identifier("IMAGE",
                "0020000D", "UI", any.studyInstanceUid(), "0020000E", "UI", any.seriesInstanceUid(),
                "00080018", "UI", null)));
        ResultStream results = response.results().orElseThrow();

        assertThat(results.next()).isPresent();
        results.close();

        assertThat(results.isEnded()).isTrue();
        assertThat(results.next()).isEmpty();
        threads.awaitActive(0, 5_000);
        assertThat(ours(Requests.identifier("STUDY", "0020000D", "UI", null), "0020000D")).hasSize(4);
    }

    @Test
    void aRefusedQueryFailsTheStreamWithThePacsStatus() {
        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_FIND,
                Requests.identifier("PATIENT", "00100020", "LO", null), DimseRequests.AFFECTED_SOP_CLASS,
                UID.StudyRootQueryRetrieveInformationModelFind));
        ResultStream results = response.results().orElseThrow();

        assertThatThrownBy(results::next).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.BACKEND_UNREACHABLE);
            assertThat(Status.isFailure(e.dimseStatus())).isTrue();
            assertThat(e.dimseStatus()).isNotEqualTo(ProblemType.BACKEND_UNREACHABLE.dimseStatus());
            assertThat(e.detail()).contains("C-FIND").contains(DimseRequests.status(e.dimseStatus()));
        });
        assertThat(results.isEnded()).isTrue();
    }

    @Test
    void getStreamsTheMixedStudyEachInstanceAsStored() throws Exception {
        List<TestDataset.Instance> expected = study(mixedStudy(instances));
        Path received = Files.createDirectories(directory.resolve("get-mixed"));

        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_GET,
                Requests.identifier("STUDY", "0020000D", "UI", expected.get(0).studyInstanceUid())));
        ResultStream results = response.results().orElseThrow();
        int parts = 0;
        for (Optional<Result> part = results.next(); part.isPresent(); part = results.next()) {
            assertThat(part.get().body().isBuffered()).isFalse();
            save(part.get(), received);
            parts++;
        }

        assertThat(parts).isEqualTo(expected.size());
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("multipart/related"));
        assertThat(response.metadata()).as("set before the end").containsEntry(DimseRequests.STATUS, "0000")
                .containsEntry(DimseRequests.COMPLETED, String.valueOf(expected.size()))
                .containsEntry(DimseRequests.FAILED, "0").containsEntry(DimseRequests.WARNING, "0");
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void aDoorsMoveRetrievesTheStudyForTheDoorToSendOn() throws Exception {
        List<TestDataset.Instance> expected = study(mixedStudy(instances));
        Path received = Files.createDirectories(directory.resolve("door-move"));

        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_MOVE,
                Requests.identifier("STUDY", "0020000D", "UI", expected.get(0).studyInstanceUid()),
                DimseRequests.MOVE_DESTINATION, "ANYWHERE",
                DimseRequests.AFFECTED_SOP_CLASS, UID.StudyRootQueryRetrieveInformationModelMove));
        ResultStream results = response.results().orElseThrow();
        for (Optional<Result> part = results.next(); part.isPresent(); part = results.next()) {
            save(part.get(), received);
        }

        assertThat(response.metadata()).containsEntry(DimseRequests.STATUS, "0000")
                .containsEntry(DimseRequests.COMPLETED, String.valueOf(expected.size()));
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void anHttpMoveToADestinationThePacsDoesNotKnowIs404KeepingThePacsStatus() {
        assertThatThrownBy(() -> backend.invoke(Requests.http("POST", "/move",
                Requests.identifier("PATIENT", "00100020", "LO", "PAT002"), DimseRequests.MOVE_DESTINATION, "NOWHERE")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type().httpStatus()).isEqualTo(404);
                    assertThat(e.dimseStatus()).isEqualTo(Status.MOVE_DESTINATION_UNKNOWN);
                    assertThat(e.detail()).contains("A801");
                });
    }

    @Test
    void anAssociationTheCalledPacsRejectsIs502NamingTheReason() {
        DimseBackend stranger = fixture.backend(BackendFixture.pacs("NOBODY", qr.port(), ""));

        assertThatThrownBy(() -> stranger.invoke(Requests.dimse(DimseRequests.C_ECHO, null)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.BACKEND_UNREACHABLE);
                    assertThat(e.detail()).contains("rejected the association")
                            .contains("called-AE-title-not-recognized");
                });
    }

    @Test
    void httpRequestsAreAnsweredInTheRustShapes() throws Exception {
        JsonNode echo = json(backend.invoke(Requests.http("POST", "/echo", null)));
        assertThat(echo).isEqualTo(Json.MAPPER.createObjectNode().put("operation", "echo").put("success", true)
                .put("remote_aet", Dcmqrscp.AE_TITLE).put("host", "127.0.0.1").put("port", qr.port()));

        ObjectNode wrapper = Json.MAPPER.createObjectNode();
        wrapper.set("identifier", Requests.identifier("STUDY", "0020000D", "UI", null));
        JsonNode find = json(backend.invoke(Requests.http("POST", "/", wrapper, DimseRequests.HTTP_OPERATION, "find")));
        assertThat(find.path("operation").asText()).isEqualTo("find");
        assertThat(find.path("success").asBoolean()).isTrue();
        assertThat(find.path("matches")).hasSize(4);
        assertThat(find.has("truncated")).isFalse();

        String mixed = mixedStudy(instances);
        ObjectNode raw = Requests.identifier("STUDY", "0020000D", "UI", mixed);
        raw.put("max_results", 1);
        JsonNode move = json(backend.invoke(Requests.http("POST", "/studies/move", raw)));
        assertThat(move.path("operation").asText()).isEqualTo("move");
        assertThat(move.path("completed").asInt()).isEqualTo(study(mixed).size());
        assertThat(move.path("failed").asInt()).isZero();
        assertThat(move.path("warning").asInt()).isZero();
    }

    @Test
    void anHttpFindIsBoundedByMaxResults() throws Exception {
        TestDataset.Instance any = study(largestStudy(instances)).get(0);
        ObjectNode body = Json.MAPPER.createObjectNode().put("max_results", 5);
        body.set(DimseRequests.HTTP_IDENTIFIER, Requests.identifier("IMAGE", "0020000D", "UI", any.studyInstanceUid(),
                "0020000E", "UI", any.seriesInstanceUid(), "00080018", "UI", null));

        JsonNode find = json(backend.invoke(Requests.http("POST", "/find", body)));

        assertThat(find.path("matches")).hasSize(5);
        assertThat(find.path("truncated").asBoolean()).isTrue();
        threads.awaitActive(0, 5_000);
    }

    @Test
    void anHttpGetWritesTheStudyIntoAFolderOfTheStorage() throws Exception {
        List<TestDataset.Instance> expected = study(mixedStudy(instances));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("identifier", Requests.identifier("STUDY", "0020000D", "UI", expected.get(0).studyInstanceUid()));

        JsonNode get = json(backend.invoke(Requests.http("POST", "/", body)));

        assertThat(get.path("operation").asText()).isEqualTo("get");
        assertThat(get.path("success").asBoolean()).isTrue();
        assertThat(get.path("instances").asInt()).isEqualTo(expected.size());
        assertThat(get.path("file_count").asInt()).isEqualTo(expected.size());
        assertThat(get.path("completed").asInt()).isEqualTo(expected.size());
        assertThat(get.path("failed").asInt()).isZero();
        Path folder = Path.of(get.path("folder_path").asText());
        assertThat(folder.getFileName().toString()).isEqualTo(get.path("folder_id").asText());
        assertThat(folder.getParent().getFileName().toString()).isEqualTo("dimse");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()))
                    .isEqualTo(expected.stream().map(i -> i.sopInstanceUid() + ".dcm").collect(Collectors.toSet()));
        }
        SameInstances.assertReceived(expected, folder);
    }

    private static JsonNode json(ResponseEnvelope response) throws Exception {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("application/json");
        try (InputStream in = response.body().open()) {
            return Json.parse(in);
        }
    }

    /** Reads each part of a C-GET into {@code <folder>/<SOP Instance UID>.dcm}, checking its headers. */
    static void save(Result part, Path folder) throws Exception {
        String instance = part.headers().first(DimseRequests.SOP_INSTANCE_UID_HEADER).orElseThrow();
        Path file = folder.resolve(instance + ".dcm");
        try (InputStream in = part.body().open()) {
            Files.copy(in, file);
        }
        FileMetaInformation meta = FileMetaInformation.read(file);
        assertThat(part.headers().first("Content-Type")).contains(DimseRequests.APPLICATION_DICOM);
        assertThat(part.headers().first(DimseRequests.SOP_CLASS_UID_HEADER)).contains(meta.mediaStorageSopClassUid());
        assertThat(part.headers().first(DimseRequests.TRANSFER_SYNTAX_UID_HEADER)).contains(meta.transferSyntaxUid());
        assertThat(meta.mediaStorageSopInstanceUid()).isEqualTo(instance);
    }
}
