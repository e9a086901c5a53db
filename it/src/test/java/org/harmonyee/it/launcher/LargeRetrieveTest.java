package org.harmonyee.it.launcher;

import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A C-GET of a study of 1 GiB passes through the gateway's DICOM router while its heap is capped
 * at 256 MB: instances stream from the PACS to the caller as each arrives, never held. The PACS is
 * our toolkit's folder archive serving the {@link LargeStudy} the test writes; the caller is
 * DCMTK's getscu, writing what it receives as is.
 */
class LargeRetrieveTest {

    private static final String ROUTER_AET = "BIG_ROUTER";

    @TempDir
    Path directory;

    private LargeStudy pacs;
    private LaunchedGateway gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (pacs != null) {
            pacs.close();
        }
    }

    @Test
    void aGibibyteStudyIsRetrievedThroughA256MbHeap() throws Exception {
        pacs = LargeStudy.serve(directory.resolve("pacs"));
        String studyUid = pacs.studyInstanceUid();
        int dicomPort = LaunchedGateway.freePort();
        gateway = LaunchedGateway.start(writeConfig(dicomPort, pacs.port()), directory.resolve("state"),
                Map.of("HARMONY_JAVA_OPTS", "-Xmx256m"));
        // A DICOM-only gateway: "Harmony EE ready" waits for its listener to answer an A-ASSOCIATE.
        gateway.readUntil("Harmony EE ready", LaunchedGateway.STARTUP);

        Path received = Files.createDirectories(directory.resolve("received"));
        long start = System.nanoTime();
        Dcmtk.Result get = Dcmtk.run(300, "getscu", "-v", "+B", "-aet", "BIG_SCU", "-aec", ROUTER_AET, "-S",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid, "-od", received.toString(),
                "127.0.0.1", String.valueOf(dicomPort));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(get.status()).as(get.output()).isZero();
        assertThat(finalResponse(get.output())).as(get.output()).isEqualTo("(Success)");
        assertThat(get.output()).contains("Number of Completed Suboperations : " + LargeStudy.INSTANCES)
                .contains("Number of Failed Suboperations    : 0").doesNotContain("Abort");
        assertThat(dataSetSizes(received)).isEqualTo(pacs.dataSetSizes());
        assertThat(gateway.console()).noneMatch(line -> line.contains("OutOfMemoryError"));
        long bytes = pacs.bytes();
        System.out.printf("C-GET of %d instances, %.1f MiB, through the gateway (-Xmx256m): %.1f s, %.1f MiB/s%n",
                LargeStudy.INSTANCES, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
    }

    /** What getscu wrote, each file's data set size by its SOP Instance UID. */
    private static Map<String, Long> dataSetSizes(Path folder) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                sizes.put(FileMetaInformation.read(file).mediaStorageSopInstanceUid(), LargeStudy.dataSetSize(file));
            }
        }
        return sizes;
    }

    /** getscu's summary of its last C-GET response, e.g. {@code (Success)}. */
    private static String finalResponse(String output) {
        String marker = "Received C-GET Response ";
        return output.lines().filter(line -> line.contains(marker)).reduce((first, second) -> second)
                .map(line -> line.substring(line.indexOf(marker) + marker.length()).strip()).orElse("none");
    }

    private Path writeConfig(int dicomPort, int pacsPort) throws IOException {
        Path pipelines = Files.createDirectories(directory.resolve("pipelines"));
        Files.writeString(pipelines.resolve("router.toml"), """
                [pipelines.router]
                networks = ["imaging"]
                endpoints = ["router_scp"]
                backends = ["pacs"]
                [endpoints.router_scp]
                service = "dicom"
                local_aet = "%s"
                [backends.pacs]
                service = "dicom"
                aet = "%s"
                host = "127.0.0.1"
                port = %d
                local_aet = "BIG_GATEWAY"
                dimse_timeout_ms = 120000
                """.formatted(ROUTER_AET, LargeStudy.PACS_AET, pacsPort));
        return Files.writeString(directory.resolve("config.toml"), """
                [proxy]
                id = "large-retrieve-test"
                pipelines_path = "pipelines"
                [network.imaging.dicom]
                bind_address = "127.0.0.1"
                bind_port = %d
                aet = "BIG_ROUTER"
                [storage.options]
                path = "storage"
                """.formatted(dicomPort));
    }
}
