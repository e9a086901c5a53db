package org.harmonyee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JMIX deployed: the {@code jmix} endpoint and {@code jmix_builder} found through the service
 * catalog of the WAR (Payara Micro) and the EAR's lib/ (WildFly, with commons-compress beside
 * them), a study's package built from the test's archive through the pipeline's {@code dicom}
 * backend and streamed over real HTTP, served again by id (as the zip, and as a tar.gz that GNU tar
 * extracts) and manifest, and uploads refused.
 */
@ExtendWith(ArquillianExtension.class)
class JmixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPacs pacs;
    private static List<TestDataset.Instance> study;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path directory;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startPacs() throws Exception {
        pacs = TestPacs.start(Gateway.port("IT_PACS_PORT"));
        List<TestDataset.Instance> instances = TestDataset.instances();
        String first = instances.get(0).studyInstanceUid();
        study = instances.stream().filter(i -> i.studyInstanceUid().equals(first)).toList();
    }

    @AfterAll
    static void stopPacs() {
        pacs.close();
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/jmix/api/jmix" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aStudysPackageIsBuiltThenServedByIdAndManifest() throws Exception {
        HttpResponse<byte[]> built = send("GET", "?studyInstanceUid=" + study.get(0).studyInstanceUid(), null);

        assertThat(built.statusCode()).as(new String(built.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(built.headers().firstValue("Content-Type")).contains("application/zip");
        Path dicom = Files.createDirectories(directory.resolve("dicom"));
        byte[] manifestBytes = unzip(built.body(), dicom);
        SameInstances.assertReceived(study, dicom);
        JsonNode manifest = JSON.readTree(manifestBytes);
        assertThat(manifest.path("receiver").path(0).path("id").asText()).isEqualTo("org:harmony-it");
        String id = manifest.path("id").asText();

        HttpResponse<byte[]> byId = send("GET", "/" + id, null, "Accept", "application/zip");
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).isEqualTo(built.body());
        HttpResponse<byte[]> manifestAnswer = send("GET", "/" + id + "/manifest", null);
        assertThat(manifestAnswer.statusCode()).isEqualTo(200);
        assertThat(manifestAnswer.body()).isEqualTo(manifestBytes);

        HttpResponse<byte[]> tarGz = send("GET", "/" + id, null, "Accept", "application/gzip");
        assertThat(tarGz.statusCode()).isEqualTo(200);
        assertThat(tarGz.headers().firstValue("Content-Type")).contains("application/gzip");
        Path extracted = Files.createDirectories(directory.resolve("extracted"));
        Process tar = new ProcessBuilder("tar", "-xzf", "-", "-C", extracted.toString()).redirectErrorStream(true).start();
        try (var in = tar.getOutputStream()) {
            in.write(tarGz.body());
        }
        assertThat(tar.waitFor()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllBytes(extracted.resolve("manifest.json"))).isEqualTo(manifestBytes);
        SameInstances.assertReceived(study, extracted.resolve("payload/dicom"));

        HttpResponse<byte[]> again = send("POST", "", built.body(), "Content-Type", "application/zip");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void refusalsAreProblemDocuments() throws Exception {
        assertProblem(send("GET", "", null), 400);
        assertProblem(send("GET", "/0b8d3f9e-6c1a-4b7e-9a53-2f4c8e1d7a60", null), 404);
        assertProblem(send("GET", "?studyInstanceUid=1.2.3.4.5.404", null), 404);
        assertProblem(send("POST", "", "hello".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain"), 415);
        assertProblem(send("POST", "", "PK?".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/zip"), 400);
        assertThat(send("OPTIONS", "", null).headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS, POST");
    }

    private static void assertProblem(HttpResponse<byte[]> answer, int status) {
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    /** Writes the package's DICOM files into {@code dicom}; returns its manifest.json. */
    private static byte[] unzip(byte[] zip, Path dicom) throws Exception {
        byte[] manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith("payload/dicom/")) {
                    Files.write(dicom.resolve(entry.getName().substring("payload/dicom/".length())), in.readAllBytes());
                } else if (entry.getName().equals("manifest.json")) {
                    manifest = in.readAllBytes();
                }
            }
        }
        assertThat(manifest).as("manifest.json").isNotNull();
        return manifest;
    }
}
