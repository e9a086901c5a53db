package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.Orthanc;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backend against Orthanc: every file of the dataset stored with C-STORE, its body streamed
 * from the file, then found with C-FIND and retrieved with C-GET as stored.
 */
@Timeout(180)
class OrthancBackendTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Orthanc orthanc;
    private static BackendFixture fixture;
    private static DimseBackend backend;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("dimse-orthanc-test");
        instances = TestDataset.instances();
        orthanc = Orthanc.start(Files.createDirectories(directory.resolve("orthanc")), Map.of("HARMONY", 104));
        fixture = new BackendFixture(directory, threads.executor());
        backend = fixture.backend(BackendFixture.pacs(Orthanc.AE_TITLE, orthanc.port(), "local_aet = \"HARMONY\""));
        for (TestDataset.Instance instance : instances) {
            ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_STORE, null, fileBody(instance.file()),
                    DimseRequests.AFFECTED_SOP_CLASS, instance.sopClassUid()));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.metadata()).as(instance.file().toString()).containsEntry(DimseRequests.STATUS, "0000");
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (fixture != null) {
            fixture.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
        threads.close();
    }

    /** The file as a stream read once, as a door hands a C-STORE's instance over. */
    private static Body fileBody(Path file) throws Exception {
        return Body.stream(Files.newInputStream(file), Files.size(file));
    }

    private static Set<String> find(com.fasterxml.jackson.databind.node.ObjectNode identifier, String tag) {
        return Requests.drain(backend.invoke(Requests.dimse(DimseRequests.C_FIND, identifier))).stream()
                .map(match -> Requests.value(match.json(), tag)).collect(Collectors.toSet());
    }

    @Test
    void everyStoredInstanceIsFound() {
        Set<String> studies = instances.stream().map(TestDataset.Instance::studyInstanceUid).collect(Collectors.toSet());
        assertThat(find(Requests.identifier("STUDY", "0020000D", "UI", null), "0020000D")).isEqualTo(studies);

        for (String study : studies) {
            Map<String, Set<String>> bySeries = instances.stream().filter(i -> i.studyInstanceUid().equals(study))
                    .collect(Collectors.groupingBy(TestDataset.Instance::seriesInstanceUid,
                            Collectors.mapping(TestDataset.Instance::sopInstanceUid, Collectors.toSet())));
            for (Map.Entry<String, Set<String>> series : bySeries.entrySet()) {
                assertThat(find(Requests.identifier("IMAGE", "0020000D", "UI", study, "0020000E", "UI", series.getKey(),
                        "00080018", "UI", null), "00080018")).isEqualTo(series.getValue());
            }
        }
    }

    @Test
    void aGetReturnsTheMixedStudyAsStored() throws Exception {
        String mixed = DcmqrscpBackendTest.mixedStudy(instances);
        List<TestDataset.Instance> expected = instances.stream().filter(i -> i.studyInstanceUid().equals(mixed)).toList();
        Path received = Files.createDirectories(directory.resolve("get"));

        ResponseEnvelope response = backend.invoke(Requests.dimse(DimseRequests.C_GET,
                Requests.identifier("STUDY", "0020000D", "UI", mixed)));
        ResultStream results = response.results().orElseThrow();
        for (Optional<Result> part = results.next(); part.isPresent(); part = results.next()) {
            DcmqrscpBackendTest.save(part.get(), received);
        }

        assertThat(response.metadata()).containsEntry(DimseRequests.COMPLETED, String.valueOf(expected.size()))
                .containsEntry(DimseRequests.FAILED, "0");
        SameInstances.assertReceived(expected, received);
    }

    @Test
    void anHttpStoreIsAnsweredInTheRustShape() throws Exception {
        TestDataset.Instance instance = instances.get(0);
        RequestEnvelope request = RequestEnvelope.builder("h-store", "POST", "/pacs/store").path("/store")
                .header("Content-Type", DimseRequests.APPLICATION_DICOM).body(fileBody(instance.file())).build();
        request.metadata().put("protocol", "http");

        ResponseEnvelope response = backend.invoke(request);

        JsonNode answer;
        try (InputStream in = response.body().open()) {
            answer = Json.parse(in);
        }
        assertThat(answer).isEqualTo(Json.MAPPER.createObjectNode().put("operation", "store").put("success", true)
                .put("status", "0000").put("sop_class_uid", instance.sopClassUid())
                .put("sop_instance_uid", instance.sopInstanceUid()));
    }

    @Test
    void aBodyThatIsNotAnInstanceIs415() {
        Body notDicom = Body.of("this is not DICOM at all, it is text".repeat(10).getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> backend.invoke(Requests.dimse(DimseRequests.C_STORE, null, notDicom)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
                    assertThat(e.detail()).contains("not a PS3.10");
                });
    }
}
