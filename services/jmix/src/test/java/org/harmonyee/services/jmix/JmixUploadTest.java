package org.harmonyee.services.jmix;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.services.jmix.format.BuildOptions;
import org.harmonyee.services.jmix.format.JmixEntity;
import org.harmonyee.services.jmix.format.PackageIdentity;
import org.harmonyee.services.jmix.format.PackageSummary;
import org.harmonyee.services.jmix.format.PackageWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmonyee.services.jmix.DcmqrscpJmixTest.assertProblem;
import static org.harmonyee.services.jmix.DcmqrscpJmixTest.ok;

/**
 * Uploads through the JMIX routes, with no PACS behind the gateway (its port is closed): what is
 * stored is served by id and by study from the store alone, survives a restart, and every refused
 * upload leaves the store as it was.
 */
class JmixUploadTest {

    @TempDir
    Path directory;
    private TestThreads threads;
    private JmixGateway gateway;
    private int closedPort;
    private PackageSummary written;
    private byte[] zip;

    @BeforeEach
    void start() throws Exception {
        threads = new TestThreads("jmix-upload-test");
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = gateway();
        List<TestDataset.Instance> instances = TestDataset.instances().stream().limit(3).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PackageWriter writer = new PackageWriter(out, new BuildOptions(new PackageIdentity(
                new JmixEntity("org:elsewhere", null), null, List.of(new JmixEntity("org:us", null))), false, false),
                Clock.systemUTC())) {
            for (TestDataset.Instance instance : instances) {
                try (InputStream in = Files.newInputStream(instance.file())) {
                    writer.addInstance(in);
                }
            }
            written = writer.finish();
        }
        zip = out.toByteArray();
    }

    @AfterEach
    void stop() throws InterruptedException {
        gateway.close();
        threads.close();
    }

    private JmixGateway gateway() {
        return new JmixGateway(directory, threads.executor(), "NOBODY", closedPort, "");
    }

    private JmixGateway.Answer upload(byte[] body, String type) {
        return gateway.send("POST", "/api/jmix", body, "Content-Type", type);
    }

    @Test
    void anUploadIsStoredAndServedByIdAndByStudy() throws Exception {
        JmixGateway.Answer created = upload(zip, "application/zip");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode body = Json.parse(created.body());
        assertThat(body.path("id").asText()).isEqualTo(written.id());
        assertThat(body.path("status").asText()).isEqualTo("stored");
        assertThat(created.header("Location")).isEqualTo("/jmix/api/jmix/" + written.id());
        assertThat(ok(gateway.get("/api/jmix/" + written.id()))).isEqualTo(zip);
        assertThat(ok(gateway.get("/api/jmix?studyInstanceUid=" + written.studyInstanceUid()))).isEqualTo(zip);
        assertThat(ok(gateway.get("/api/jmix/" + written.id() + "/manifest"))).isEqualTo(written.manifest());
    }

    @Test
    void theSamePackageTwiceIs409() throws Exception {
        assertThat(upload(zip, "application/zip").status()).isEqualTo(201);
        assertProblem(upload(zip, "application/zip"), 409, "already stored");
        assertThat(storeFiles()).containsExactly(written.id() + ".zip");
    }

    @Test
    void aBodyThatIsNoZipIs415() throws Exception {
        assertProblem(upload("hello".getBytes(StandardCharsets.UTF_8), "text/plain"), 415, "application/zip");
        assertProblem(upload(zip, "application/gzip"), 415, "application/zip");
        assertThat(storeFiles()).isEmpty();
    }

    @Test
    void aTamperedPackageIs400AndLeavesNothing() throws Exception {
        byte[] tampered = rewrite(zip, "payload/metadata.json", "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8));
        assertProblem(upload(tampered, "application/zip"), 400, "JMIX package refused: ");
        assertProblem(upload("PK not really".getBytes(StandardCharsets.UTF_8), "application/zip"), 400, "not a readable zip");
        assertThat(storeFiles()).isEmpty();
    }

    @Test
    void aTraversalEntryIs400() throws Exception {
        assertProblem(upload(rewrite(zip, "../../outside.txt", new byte[1]), "application/zip"), 400, "path traversal");
        assertThat(storeFiles()).isEmpty();
        assertThat(directory.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void theStoreSurvivesARestartAndForgetsHalfWrittenFiles() throws Exception {
        assertThat(upload(zip, "application/zip").status()).isEqualTo(201);
        gateway.close();
        Files.write(gateway.store().resolve(".crashed-build.tmp"), new byte[100]);

        gateway = gateway();
        assertThat(ok(gateway.get("/api/jmix?studyInstanceUid=" + written.studyInstanceUid()))).isEqualTo(zip);
        assertThat(ok(gateway.get("/api/jmix/" + written.id()))).isEqualTo(zip);
        assertThat(storeFiles()).containsExactly(written.id() + ".zip");
    }

    private List<String> storeFiles() throws Exception {
        if (!Files.isDirectory(gateway.store())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(gateway.store())) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    /** The zip with one entry replaced, or added when it was not there. */
    static byte[] rewrite(byte[] zip, String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                copy.putNextEntry(new ZipEntry(entry.getName()));
                boolean match = entry.getName().equals(name);
                copy.write(match ? content : in.readAllBytes());
                replaced |= match;
            }
            if (!replaced) {
                copy.putNextEntry(new ZipEntry(name));
                copy.write(content);
            }
        }
        return out.toByteArray();
    }
}
