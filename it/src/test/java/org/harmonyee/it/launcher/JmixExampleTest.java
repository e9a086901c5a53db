package org.harmonyee.it.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/jmix} as its README tells a user to try it: {@code ./harmony run}, then the
 * README's requests: the mock PACS's study as a package of its DICOM files and JSON, the same
 * package by id from the store, its manifest, and the refusals.
 */
class JmixExampleTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String STUDY_UID = "1.2.826.0.1.3680043.9.7133.3280065491876470";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @RegisterExtension
    final Launches launches = new Launches();

    @Test
    void theReadmeRequestsAnswerAsItSays() throws Exception {
        int port = LaunchedGateway.freePort();
        Path storage = launches.directory().resolve("storage");
        launches.startReady(ROOT.resolve("examples/jmix/config.toml"),
                Map.of("HARMONY_HTTP_PORT", Integer.toString(port), "HARMONY_STORAGE_PATH", storage.toString()));
        String base = "http://127.0.0.1:" + port + "/jmix/api/jmix";

        HttpResponse<byte[]> study = send(HttpRequest.newBuilder(URI.create(base + "?studyInstanceUid=" + STUDY_UID)));
        assertThat(study.statusCode()).as(new String(study.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        byte[] manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(study.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
                byte[] bytes = in.readAllBytes();
                manifest = entry.getName().equals("manifest.json") ? bytes : manifest;
            }
        }
        assertThat(entries).contains("manifest.json", "audit.json", "payload/metadata.json", "payload/files.json");
        assertThat(entries).filteredOn(name -> name.startsWith("payload/dicom/")).isNotEmpty();
        JsonNode parsed = JSON.readTree(manifest);
        assertThat(parsed.path("receiver").path(0).path("id").asText()).isEqualTo("org:example-receiver");
        String id = parsed.path("id").asText();
        assertThat(Files.exists(storage.resolve("jmix-store/" + id + ".zip"))).isTrue();

        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/" + id))).body()).isEqualTo(study.body());
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/manifest"))).body()).isEqualTo(manifest);
        assertThat(send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(study.body()))).statusCode()).isEqualTo(409);
        assertThat(send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))).statusCode()).isEqualTo(415);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "?studyInstanceUid=1.2.3.4"))).statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
