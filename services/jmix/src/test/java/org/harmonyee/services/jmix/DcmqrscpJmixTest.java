package org.harmonyee.services.jmix;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.services.jmix.crypto.KeyFiles;
import org.harmonyee.services.jmix.format.JmixSchemas;
import org.harmonyee.services.jmix.format.Openssl;
import org.harmonyee.services.jmix.format.PayloadDecryptor;
import org.harmonyee.services.jmix.format.UploadLimits;
import org.harmonyee.services.jmix.format.UploadValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JMIX routes in front of dcmqrscp loaded with the dataset: a study query builds the package
 * from a C-GET (its DICOM files the study's instances, its JSON valid, its hashes true), the store
 * serves it by id and by study from then on, concurrent queries share one build, and every refusal
 * is the status and problem document a client expects.
 */
@Timeout(300)
class DcmqrscpJmixTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Dcmqrscp qr;
    private static JmixGateway gateway;
    private static Map<String, List<TestDataset.Instance>> studies;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("jmix-dcmqrscp-test");
        studies = TestDataset.instances().stream().collect(Collectors.groupingBy(TestDataset.Instance::studyInstanceUid));
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), loader, Map.of(), "-xy");
        gateway = new JmixGateway(Files.createDirectories(directory.resolve("gateway")), threads.executor(),
                Dcmqrscp.AE_TITLE, qr.port(), "receiver_id = \"org:receiver\"");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (qr != null) {
            qr.close();
        }
        threads.close();
    }

    @Test
    void aStudyQueryBuildsThePackageOfTheStudysInstances() throws Exception {
        String study = studyOf(46);
        JmixGateway.Answer answer = gateway.get("/api/jmix?studyInstanceUid=" + study);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/zip");
        Path dicom = unzipDicom(answer.body(), Files.createTempDirectory(directory, "package"));
        SameInstances.assertReceived(studies.get(study), dicom);
        try (Stream<Path> files = Files.list(dicom)) {
            assertThat(files).hasSize(46);
        }
        JmixSchemas.assertValid(answer.body());
        JsonNode manifest = Json.parse(entry(answer.body(), "manifest.json"));
        assertThat(manifest.path("receiver").get(0).path("id").asText()).isEqualTo("org:receiver");
        assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + manifest.path("id").asText() + ".zip\"");
        Path stored = gateway.store().resolve(manifest.path("id").asText() + ".zip");
        assertThat(Files.readAllBytes(stored)).isEqualTo(answer.body());
        assertThat(new UploadValidator(UploadLimits.DEFAULTS, Clock.systemUTC()).validate(stored).studyInstanceUid()).isEqualTo(study);
    }

    @Test
    void aBuiltPackageIsServedByIdByStudyAndAsItsManifest() throws Exception {
        String study = studyOf(12);
        byte[] built = ok(gateway.get("/api/jmix?studyInstanceUid=" + study));
        String id = Json.parse(entry(built, "manifest.json")).path("id").asText();

        assertThat(ok(gateway.get("/api/jmix?studyInstanceUid=" + study))).isEqualTo(built);
        assertThat(ok(gateway.get("/api/jmix/" + id, "Accept", "application/zip"))).isEqualTo(built);
        JmixGateway.Answer manifest = gateway.get("/api/jmix/" + id + "/manifest");
        assertThat(manifest.header("Content-Type")).isEqualTo("application/json");
        assertThat(manifest.body()).isEqualTo(entry(built, "manifest.json"));
        JmixGateway.Answer head = gateway.send("HEAD", "/api/jmix/" + id, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(built.length));
        assertThat(gateway.send("OPTIONS", "/api/jmix", null).header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void acceptingGzipGetsTheSameFilesAsATarGzThatGnuTarExtracts() throws Exception {
        String study = studyOf(46);
        byte[] zip = ok(gateway.get("/api/jmix?studyInstanceUid=" + study));
        String id = Json.parse(entry(zip, "manifest.json")).path("id").asText();

        JmixGateway.Answer tarGz = gateway.get("/api/jmix/" + id, "Accept", "application/gzip");

        assertThat(tarGz.status()).as(tarGz.text()).isEqualTo(200);
        assertThat(tarGz.header("Content-Type")).isEqualTo("application/gzip");
        assertThat(tarGz.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + id + ".tar.gz\"");
        Path archive = Files.write(Files.createTempFile(directory, "package", ".tar.gz"), tarGz.body());
        Path extracted = Files.createTempDirectory(directory, "extracted");
        Openssl.ok("tar", "-xzf", archive.toString(), "-C", extracted.toString());
        Map<String, byte[]> files = entries(zip);
        assertThat(files).hasSize(46 + 4);
        try (Stream<Path> written = Files.walk(extracted)) {
            assertThat(written.filter(Files::isRegularFile).map(f -> extracted.relativize(f).toString()))
                    .containsExactlyInAnyOrderElementsOf(files.keySet());
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(Files.readAllBytes(extracted.resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
        }
        assertThat(ok(gateway.get("/api/jmix?studyInstanceUid=" + study, "Accept", "application/gzip, application/zip;q=0.5")))
                .isEqualTo(tarGz.body());
        JmixGateway.Answer head = gateway.send("HEAD", "/api/jmix/" + id, null, "Accept", "application/gzip");
        assertThat(head.header("Content-Type")).isEqualTo("application/gzip");
        assertThat(head.body()).isEmpty();
    }

    /** Every file of a zip by name. */
    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void concurrentQueriesOfOneStudyShareOneBuild() throws Exception {
        String study = studyOf(48);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<byte[]> query = () -> ok(gateway.get("/api/jmix?studyInstanceUid=" + study));
                answers.add(pool.submit(query));
            }
            byte[] first = answers.get(0).get();
            for (Future<byte[]> answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> zips = Files.list(gateway.store())) {
            long ofStudy = zips.filter(zip -> zip.toString().endsWith(".zip")).filter(zip -> holds(zip, study)).count();
            assertThat(ofStudy).isEqualTo(1);
        }
    }

    @Test
    void refusalsAreProblemDocuments() throws Exception {
        assertProblem(gateway.get("/api/jmix"), 400, "missing studyInstanceUid");
        assertProblem(gateway.get("/api/jmix?studyInstanceUid=1.2.3.999"), 404, "the PACS has no instances of study 1.2.3.999");
        assertProblem(gateway.get("/api/jmix/0b8d3f9e-6c1a-4b7e-9a53-2f4c8e1d7a60"), 404, "no JMIX package");
        assertProblem(gateway.get("/api/jmix/0b8d3f9e-6c1a-4b7e-9a53-2f4c8e1d7a60/manifest"), 404, "no JMIX package");
        assertProblem(gateway.get("/api/jmix/not-an-id"), 404, "no JMIX resource");
        assertProblem(gateway.get("/api/jmix?studyInstanceUid=" + studyOf(12), "Accept", "text/html"), 406,
                "offered as application/zip or application/gzip only");
        assertProblem(gateway.send("POST", "/api/jmix/0b8d3f9e-6c1a-4b7e-9a53-2f4c8e1d7a60", new byte[0]), 405, "allowed: GET, HEAD, OPTIONS");
    }

    @Test
    void nothingHalfWrittenStaysInTheStore() throws Exception {
        gateway.get("/api/jmix?studyInstanceUid=1.2.3.998");
        try (Stream<Path> files = Files.list(gateway.store())) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(name -> name.endsWith(".zip"));
        }
    }

    @Test
    void aStudyThePacsCannotSendWholeIsNotStored() throws Exception {
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        try (Dcmqrscp lossy = LoadedDcmqrscp.start(Files.createTempDirectory(directory, "lossy"), loader, Map.of(), "-xy");
             JmixGateway behind = new JmixGateway(Files.createTempDirectory(directory, "lossy-gateway"), threads.executor(),
                     Dcmqrscp.AE_TITLE, lossy.port(), "")) {
            String study = studyOf(12);
            try (Stream<Path> stored = Files.walk(lossy.directory().resolve("db"))) {
                Path lost = stored.filter(file -> file.getFileName().toString().contains(".")
                        && !file.getFileName().toString().equals("index.dat") && holdsInstanceOf(file, study))
                        .findFirst().orElseThrow();
                Files.delete(lost);
            }
            JmixGateway.Answer answer = behind.get("/api/jmix?studyInstanceUid=" + study);

            assertProblem(answer, 502, "no package was stored");
            try (Stream<Path> files = Files.list(behind.store())) {
                assertThat(files).isEmpty();
            }
        }
    }

    private static boolean holdsInstanceOf(Path file, String study) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (DicomInputStream in = DicomInputStream.open(file)) {
            return study.equals(in.readDataset(Tag.SeriesInstanceUID).getString(Tag.StudyInstanceUID));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anUnreachablePacsIs502() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (JmixGateway down = new JmixGateway(Files.createTempDirectory(directory, "down"), threads.executor(),
                Dcmqrscp.AE_TITLE, closed, "")) {
            assertProblem(down.get("/api/jmix?studyInstanceUid=" + studyOf(12)), 502, "");
        }
    }

    static void assertProblem(JmixGateway.Answer answer, int status, String detail) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Json.parse(answer.body()).path("detail").asText()).contains(detail);
    }

    static byte[] ok(JmixGateway.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void aBuilderWithKeysEncryptsForTheRecipientAndSigns() throws Exception {
        Path config = Files.createTempDirectory(directory, "secure-gateway");
        Path keys = Files.createDirectories(config.resolve("keys"));
        Openssl.keyPair(keys, "X25519", "partner");
        Openssl.keyPair(keys, "ED25519", "harmony");
        String study = studyOf(46);
        try (JmixGateway secure = new JmixGateway(config, threads.executor(), Dcmqrscp.AE_TITLE, qr.port(),
                "encrypt_for = \"keys/partner.pub.pem\"\nsign_with = \"keys/harmony.pem\"")) {
            byte[] zip = ok(secure.get("/api/jmix?studyInstanceUid=" + study));
            assertThat(entry(zip, "payload.enc")).isNotEmpty();
            assertThat(entry(zip, "manifest.jws")).isNotEmpty();
            JsonNode manifest = Json.parse(entry(zip, "manifest.json"));
            assertThat(JmixSchemas.errors("manifest.schema.json", manifest)).isEmpty();
            assertThat(manifest.path("sender").path("assertion").path("signing_key").path("alg").asText()).isEqualTo("Ed25519");
            Path stored = secure.store().resolve(manifest.path("id").asText() + ".zip");
            assertThat(new UploadValidator(UploadLimits.DEFAULTS, Clock.systemUTC()).validate(stored).id())
                    .isEqualTo(manifest.path("id").asText());

            Path tar = config.resolve("payload.tar");
            new PayloadDecryptor(KeyFiles.privateKey(keys.resolve("partner.pem"), "X25519")).decrypt(stored, tar);
            Path payload = Files.createDirectories(config.resolve("payload"));
            Openssl.ok("tar", "-xf", tar.toString(), "-C", payload.toString());
            SameInstances.assertReceived(studies.get(study), payload.resolve("dicom"));
        }
    }

    static String studyOf(int instances) {
        return studies.entrySet().stream().filter(e -> e.getValue().size() == instances).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    static byte[] entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the package");
    }

    /** The package's DICOM files, written into {@code target}. */
    static Path unzipDicom(byte[] zip, Path target) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith("payload/dicom/")) {
                    Files.write(target.resolve(entry.getName().substring("payload/dicom/".length())), in.readAllBytes());
                }
            }
        }
        return target;
    }

    private static boolean holds(Path zip, String study) {
        try {
            return Json.parse(entry(Files.readAllBytes(zip), "payload/metadata.json")).path("studies").path("study_uid")
                    .asText().equals(study);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
