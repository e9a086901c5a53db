package org.harmonyee.it.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JMIX package of a study of 1 GiB is built while the gateway's heap is capped at 256 MB: the
 * instances go from the C-GET into the zip as they arrive, hashed on the way, and the zip is sent
 * from the store. The gateway and its PACS (our toolkit's folder archive serving the
 * {@link LargeStudy}) are the run's {@link LargeStudyGateway}; the package downloaded holds every instance whole (its data set as the PACS holds it, its bytes as
 * {@code files.json} hashes them), and the console shows no OutOfMemoryError.
 */
@ExtendWith(LargeStudyGateway.Shared.class)
class LargeJmixBuildTest {

    private static final String DICOM_PREFIX = "payload/dicom/";
    /** More than a PS3.10 header of these instances takes. */
    private static final int HEADER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void aGibibyteStudysPackageIsBuiltThroughA256MbHeap(LargeStudyGateway gateway) throws Exception {
        LargeStudy pacs = gateway.pacs();
        Path zip = directory.resolve("package.zip");
        long start = System.nanoTime();
        HttpResponse<Path> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        gateway.http("/jmix/api/jmix?studyInstanceUid=" + pacs.studyInstanceUid()))
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofFile(zip));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(answer.statusCode()).as(() -> read(zip)).isEqualTo(200);
        assertThat(dataSetSizesAndHashesHold(zip)).isEqualTo(pacs.dataSetSizes());
        assertThat(gateway.console()).noneMatch(line -> line.contains("OutOfMemoryError"));
        long bytes = pacs.bytes();
        System.out.printf("JMIX package of %d instances, %.1f MiB, built and downloaded (-Xmx256m): %.1f s, %.1f MiB/s;"
                        + " zip %.1f MiB%n", LargeStudy.INSTANCES, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds,
                Files.size(zip) / 1048576.0);
    }

    /**
     * Each DICOM file of the package, read once: its data set size (its size less the PS3.10 header
     * its first bytes hold) by SOP Instance UID, once its SHA-256 is found to be the one
     * {@code files.json} states.
     */
    private Map<String, Long> dataSetSizesAndHashesHold(Path zip) throws Exception {
        Map<String, Long> sizes = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Map<String, String> hashes = new TreeMap<>();
            try (InputStream in = file.getInputStream(file.getEntry("payload/files.json"))) {
                for (JsonNode listed : JSON.readTree(in)) {
                    hashes.put(listed.path("file").asText(), listed.path("hash").asText());
                }
            }
            Path header = directory.resolve("header.dcm");
            for (ZipEntry entry : file.stream().filter(e -> e.getName().startsWith(DICOM_PREFIX)).toList()) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(file.getInputStream(entry), sha256)) {
                    Files.write(header, in.readNBytes(HEADER_BYTES));
                    in.transferTo(OutputStream.nullOutputStream());
                }
                String listedName = entry.getName().substring("payload/".length());
                assertThat(hashes.get(listedName)).as(listedName)
                        .isEqualTo("sha256:" + HexFormat.of().formatHex(sha256.digest()));
                String name = entry.getName().substring(DICOM_PREFIX.length());
                sizes.put(name.substring(name.indexOf('_') + 1, name.length() - ".dcm".length()),
                        entry.getSize() - FileMetaInformation.read(header).dataSetOffset());
            }
            Files.deleteIfExists(header);
        }
        return sizes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable answer: " + e.getMessage() + ")";
        }
    }
}
