package org.harmonyee.it.launcher;

import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * at 256 MB: instances stream from the PACS to the caller as each arrives, never held. The gateway
 * and its PACS (our toolkit's folder archive serving the {@link LargeStudy}) are the run's
 * {@link LargeStudyGateway}; the caller is DCMTK's getscu, writing what it receives as is.
 */
@ExtendWith(LargeStudyGateway.Shared.class)
class LargeRetrieveTest {

    @Test
    void aGibibyteStudyIsRetrievedThroughA256MbHeap(LargeStudyGateway gateway, @TempDir Path directory) throws Exception {
        LargeStudy pacs = gateway.pacs();
        Path received = Files.createDirectories(directory.resolve("received"));
        long start = System.nanoTime();
        Dcmtk.Result get = Dcmtk.run(300, "getscu", "-v", "+B", "-aet", "BIG_SCU", "-aec", LargeStudyGateway.ROUTER_AET,
                "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + pacs.studyInstanceUid(),
                "-od", received.toString(), "127.0.0.1", String.valueOf(gateway.dicomPort()));
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
}
