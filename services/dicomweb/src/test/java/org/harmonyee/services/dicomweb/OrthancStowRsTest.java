package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.net.peers.Orthanc;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STOW-RS through the bridge into an empty Orthanc over DIMSE, with Orthanc's own STOW-RS on the
 * same body as the oracle: the same status and the same instances referenced with the same Retrieve
 * URLs below the service root, and every instance Orthanc then holds equal to the one sent.
 */
@Timeout(600)
class OrthancStowRsTest {

    @TempDir
    static Path directory;
    private static BridgedPacs<Orthanc> bridged;
    private static Orthanc orthanc;
    private static DicomWebGateway gateway;
    private static List<TestDataset.Instance> instances;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        bridged = BridgedPacs.orthanc(directory);
        orthanc = bridged.pacs();
        gateway = bridged.gateway();
        instances = TestDataset.instances();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bridged != null) {
            bridged.close();
        }
    }

    @Test
    void theWholeDatasetStoredAnswersAsOrthancsOwnStowAndIsHeldAsSent() throws Exception {
        List<Path> files = instances.stream().map(TestDataset.Instance::file).toList();

        DicomWebGateway.Answer ours = gateway.post("/studies", new StowBodies().files(files).body(),
                "Content-Type", StowBodies.CONTENT_TYPE, "Accept", "application/dicom+json");
        assertThat(ours.status()).as(ours.text()).isEqualTo(200);
        HttpResponse<byte[]> theirs = HTTP.send(HttpRequest.newBuilder(orthancUri("/dicom-web/studies"))
                .header("Content-Type", StowBodies.CONTENT_TYPE).header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> open(new StowBodies().files(files).body())))
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(theirs.statusCode()).as(new String(theirs.body())).isEqualTo(ours.status());
        JsonNode oracle = Json.parse(theirs.body());
        JsonNode answer = Json.parse(ours.body());
        assertThat(oracle.path("00081198").path("Value")).as("Orthanc's FailedSOPSequence (present, empty)").isEmpty();
        assertThat(answer.has("00081198")).as("no FailedSOPSequence").isFalse();
        Map<String, String> expected = references(oracle);
        assertThat(expected).hasSize(instances.size());
        assertThat(references(answer)).isEqualTo(expected);

        for (String study : instances.stream().map(TestDataset.Instance::studyInstanceUid).distinct().toList()) {
            assertHeldAsSent(study);
        }
    }

    /** Each referenced instance's class and Retrieve URL below the service root, by SOP Instance UID. */
    private static Map<String, String> references(JsonNode response) {
        Map<String, String> references = new TreeMap<>();
        StreamSupport.stream(response.path("00081199").path("Value").spliterator(), false).forEach(item -> {
            String url = item.path("00081190").path("Value").path(0).asText();
            references.put(item.path("00081155").path("Value").path(0).asText(),
                    item.path("00081150").path("Value").path(0).asText() + " " + url.substring(url.indexOf("/studies/")));
        });
        return references;
    }

    /** Orthanc's own WADO-RS of the study: every instance of it equal to the file sent. */
    private static void assertHeldAsSent(String study) throws Exception {
        HttpResponse<byte[]> retrieved = HTTP.send(HttpRequest.newBuilder(orthancUri("/dicom-web/studies/" + study))
                .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(retrieved.statusCode()).isEqualTo(200);
        String boundary = MediaTypes.parameter(retrieved.headers().firstValue("Content-Type").orElseThrow(), "boundary")
                .orElseThrow();
        Path received = Files.createDirectories(directory.resolve("held").resolve(study));
        List<MultipartParts.Part> parts = MultipartParts.of(retrieved.body(), boundary);
        for (int i = 0; i < parts.size(); i++) {
            Files.write(received.resolve(i + ".dcm"), parts.get(i).content());
        }
        List<TestDataset.Instance> sent = instances.stream().filter(i -> i.studyInstanceUid().equals(study)).toList();
        assertThat(parts).hasSize(sent.size());
        SameInstances.assertReceived(sent, received);
    }

    private static InputStream open(Body body) {
        return body.open();
    }

    private static URI orthancUri(String path) {
        return URI.create("http://127.0.0.1:" + orthanc.httpPort() + path);
    }
}
