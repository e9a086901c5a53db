package org.harmonyee.services.jmix;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.Orthanc;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.services.jmix.format.JmixSchemas;
import org.harmonyee.services.jmix.format.UploadLimits;
import org.harmonyee.services.jmix.format.UploadValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A package built from Orthanc holding the dataset: every study's package holds that study's
 * instances, its JSON files are valid, and the upload validator finds every hash true.
 */
@Timeout(300)
class OrthancJmixTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Orthanc orthanc;
    private static JmixGateway gateway;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("jmix-orthanc-test");
        orthanc = Orthanc.start(Files.createDirectories(directory.resolve("orthanc")), Map.of("HARMONY", 104));
        for (TestDataset.Instance instance : TestDataset.instances()) {
            HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + orthanc.httpPort() + "/instances")).POST(HttpRequest.BodyPublishers.ofFile(instance.file())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        }
        gateway = new JmixGateway(Files.createDirectories(directory.resolve("gateway")), threads.executor(),
                Orthanc.AE_TITLE, orthanc.port(), "");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
        threads.close();
    }

    @Test
    void everyStudysPackageHoldsItsInstances() throws Exception {
        Map<String, List<TestDataset.Instance>> studies = TestDataset.instances().stream()
                .collect(Collectors.groupingBy(TestDataset.Instance::studyInstanceUid));
        for (Map.Entry<String, List<TestDataset.Instance>> study : studies.entrySet()) {
            byte[] zip = DcmqrscpJmixTest.ok(gateway.get("/api/jmix?studyInstanceUid=" + study.getKey()));
            Path dicom = DcmqrscpJmixTest.unzipDicom(zip, Files.createTempDirectory(directory, "package"));
            SameInstances.assertReceived(study.getValue(), dicom);
            try (Stream<Path> files = Files.list(dicom)) {
                assertThat(files).as(study.getKey()).hasSize(study.getValue().size());
            }
            JmixSchemas.assertValid(zip);
            JsonNode manifest = Json.parse(DcmqrscpJmixTest.entry(zip, "manifest.json"));
            assertThat(manifest.path("receiver").get(0).path("id").asText()).isEqualTo("client:127.0.0.1");
            Path stored = gateway.store().resolve(manifest.path("id").asText() + ".zip");
            assertThat(new UploadValidator(UploadLimits.DEFAULTS, Clock.systemUTC()).validate(stored).studyInstanceUid())
                    .isEqualTo(study.getKey());
        }
    }
}
