package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.services.dimse.Part10Input;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STOW-RS through the bridge into an empty dcmqrscp: what is stored is retrieved as it was sent,
 * the Store Instances Response names every instance with the status PS3.18 gives the outcome, and
 * a broken request is the problem a client expects.
 */
@Timeout(300)
class DcmqrscpStowRsTest {

    private static final String MR_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

    @TempDir
    static Path directory;
    private static BridgedPacs<Dcmqrscp> bridged;
    private static TestThreads threads;
    private static DicomWebGateway gateway;
    private static List<TestDataset.Instance> mr;
    private static List<TestDataset.Instance> others;

    @BeforeAll
    static void start() throws Exception {
        bridged = BridgedPacs.emptyDcmqrscp(directory);
        threads = bridged.threads();
        gateway = bridged.gateway();
        List<TestDataset.Instance> instances = TestDataset.instances();
        mr = instances.stream().filter(i -> i.sopClassUid().equals(MR_STORAGE)).toList();
        others = instances.stream().filter(i -> !i.studyInstanceUid().equals(mr.get(0).studyInstanceUid())).toList();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bridged != null) {
            bridged.close();
        }
    }

    private static DicomWebGateway.Answer store(String path, Body body) {
        return gateway.post(path, body, "Content-Type", StowBodies.CONTENT_TYPE, "Accept", "application/dicom+json",
                "Host", "viewer.example.org");
    }

    private static Set<String> referenced(JsonNode answer, String sequence) {
        return StreamSupport.stream(answer.path(sequence).path("Value").spliterator(), false)
                .map(item -> item.path("00081155").path("Value").path(0).asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> uids(List<TestDataset.Instance> instances) {
        return instances.stream().map(TestDataset.Instance::sopInstanceUid).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aStudyStoredIsRetrievedAsSentAndEveryInstanceIsReferenced() throws Exception {
        String study = mr.get(0).studyInstanceUid();

        DicomWebGateway.Answer answer = store("/studies", new StowBodies()
                .files(mr.stream().map(TestDataset.Instance::file).toList()).body());

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/dicom+json");
        JsonNode response = Json.parse(answer.body());
        assertThat(response.has("00081198")).as("no FailedSOPSequence").isFalse();
        assertThat(referenced(response, "00081199")).isEqualTo(uids(mr));
        assertThat(response.path("00081190").path("Value").path(0).asText())
                .isEqualTo("http://viewer.example.org/dicom-web/studies/" + study);
        JsonNode first = response.path("00081199").path("Value").path(0);
        assertThat(first.path("00081150").path("Value").path(0).asText()).isEqualTo(MR_STORAGE);
        assertThat(first.path("00081190").path("Value").path(0).asText())
                .startsWith("http://viewer.example.org/dicom-web/studies/" + study + "/series/")
                .endsWith("/instances/" + first.path("00081155").path("Value").path(0).asText());

        DicomWebGateway.Answer retrieved = gateway.get("/studies/" + study);
        assertThat(retrieved.status()).as(retrieved.text()).isEqualTo(200);
        List<MultipartParts.Part> parts = MultipartParts.of(retrieved.body(),
                MediaTypes.parameter(retrieved.header("Content-Type"), "boundary").orElseThrow());
        Path received = Files.createDirectories(directory.resolve("retrieved"));
        for (int i = 0; i < parts.size(); i++) {
            Files.write(received.resolve(i + ".dcm"), parts.get(i).content());
        }
        assertThat(parts).hasSize(mr.size());
        SameInstances.assertReceived(mr, received);
    }

    @Test
    void anInstanceOfAnotherStudyThanThePathsIsFailedAndTheRestStoredWith202() throws Exception {
        TestDataset.Instance stranger = others.get(0);
        String study = mr.get(0).studyInstanceUid();

        DicomWebGateway.Answer answer = store("/studies/" + study, new StowBodies().file(mr.get(1).file())
                .file(stranger.file()).file(mr.get(2).file()).body());

        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        JsonNode response = Json.parse(answer.body());
        assertThat(referenced(response, "00081199")).containsExactlyInAnyOrder(mr.get(1).sopInstanceUid(),
                mr.get(2).sopInstanceUid());
        JsonNode failed = response.path("00081198").path("Value");
        assertThat(failed).hasSize(1);
        assertThat(failed.path(0).path("00081155").path("Value").path(0).asText()).isEqualTo(stranger.sopInstanceUid());
        assertThat(failed.path(0).path("00081150").path("Value").path(0).asText()).isEqualTo(stranger.sopClassUid());
        assertThat(failed.path(0).path("00081197").path("Value").path(0).asInt()).isEqualTo(0xA900);
        assertThat(response.path("00081190").path("Value").path(0).asText()).endsWith("/studies/" + study);
    }

    @Test
    void noInstanceStoredIs409WithEachFailureReason() throws Exception {
        TestDataset.Instance one = mr.get(3);
        Body unknownClass;
        try (Part10Input original = Part10Input.read(Body.stream(Files.newInputStream(one.file()), -1))) {
            unknownClass = Part10Input.body("1.2.3.4.5.6", one.sopInstanceUid(), original.transferSyntaxUid(),
                    new ByteArrayInputStream(original.dataSet().readAllBytes()));
        }

        DicomWebGateway.Answer answer = store("/studies", new StowBodies()
                .part("application/dicom", unknownClass.open())
                .part("application/dicom", new ByteArrayInputStream("not DICOM".getBytes(StandardCharsets.US_ASCII)))
                .body());

        assertThat(answer.status()).as(answer.text()).isEqualTo(409);
        JsonNode response = Json.parse(answer.body());
        assertThat(response.has("00081199")).isFalse();
        assertThat(response.has("00081190")).isFalse();
        JsonNode failed = response.path("00081198").path("Value");
        assertThat(failed).hasSize(2);
        assertThat(failed.path(0).path("00081150").path("Value").path(0).asText()).isEqualTo("1.2.3.4.5.6");
        assertThat(failed.path(0).path("00081197").path("Value").path(0).asInt()).isEqualTo(0x0122);
        assertThat(failed.path(1).has("00081155")).isFalse();
        assertThat(failed.path(1).path("00081197").path("Value").path(0).asInt()).isEqualTo(0xC000);
    }

    @Test
    void aBrokenRequestIsTheProblemAClientExpects() throws Exception {
        assertProblem(gateway.post("/studies", new StowBodies().file(mr.get(0).file()).body(),
                "Content-Type", "multipart/related; type=\"application/dicom+json\"; boundary=" + StowBodies.BOUNDARY),
                415, "unsupported-media-type");
        assertProblem(gateway.post("/studies", new StowBodies().file(mr.get(0).file()).body(),
                "Content-Type", "application/dicom"), 415, "unsupported-media-type");
        assertProblem(gateway.post("/studies", new StowBodies().file(mr.get(0).file()).body(),
                "Content-Type", "multipart/related; type=\"application/dicom\""), 400, "malformed-request");
        assertProblem(store("/studies", new StowBodies().file(mr.get(0).file()).truncated()), 400, "malformed-request");
        assertProblem(store("/studies", new StowBodies().part("application/dicom+json",
                new ByteArrayInputStream("[]".getBytes(StandardCharsets.US_ASCII))).body()), 415, "unsupported-media-type");
        assertProblem(store("/studies", new StowBodies().body()), 400, "malformed-request");
        assertProblem(gateway.post("/studies", new StowBodies().file(mr.get(0).file()).body(), "Content-Type",
                StowBodies.CONTENT_TYPE, "Accept", "application/dicom+xml"), 406, "not-acceptable");
        DicomWebGateway.Answer series = store("/studies/1.2.3/series", new StowBodies().file(mr.get(0).file()).body());
        assertProblem(series, 405, "method-not-allowed");
        assertThat(series.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(gateway.send("OPTIONS", "/studies").header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(gateway.send("OPTIONS", "/studies/1.2.3").header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void aPacsThatIsDownIsABackendProblemNotAStoreResponse() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (DicomWebGateway down = new DicomWebGateway(Files.createDirectories(directory.resolve("down")),
                threads.executor(), "NOBODY", closed, "")) {
            DicomWebGateway.Answer answer = down.post("/studies", new StowBodies().file(mr.get(0).file())
                    .file(mr.get(1).file()).body(), "Content-Type", StowBodies.CONTENT_TYPE);
            assertThat(answer.status()).as(answer.text()).isIn(502, 503);
            assertThat(Json.parse(answer.body()).path("type").asText()).startsWith("urn:harmonyee:problem:backend-");
        }
    }

    private static void assertProblem(DicomWebGateway.Answer answer, int status, String type) throws IOException {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Json.parse(answer.body()).path("type").asText()).isEqualTo("urn:harmonyee:problem:" + type);
    }
}
