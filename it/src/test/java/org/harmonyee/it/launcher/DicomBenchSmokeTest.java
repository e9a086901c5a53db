package org.harmonyee.it.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./harmony bench dicom --smoke} as a user runs it: dcmqrscp loaded with the test dataset,
 * the gateway started by the launcher, two rounds of findscu and getscu each way, one table, and
 * nothing left behind (its processes stopped, its state folder removed). The figures are not
 * asserted: a smoke run measures nothing.
 */
class DicomBenchSmokeTest {

    @TempDir
    Path directory;

    @Test
    void theSmokeRunPrintsTheTableAndCleansUp() throws IOException, InterruptedException {
        String printed = BenchSmokeRun.run("dicom", directory, 6);

        assertThat(printed).contains("Harmony EE, DICOM bench", "smoke run", "1 warm-up and 2 measured rounds")
                .containsPattern("findscu, all 4 studies \\(STUDY level\\) +[0-9.]+ +[0-9.]+ +[0-9.]+x")
                .containsPattern("getscu, 46 instances, 26\\.8 MB +[0-9.]+ +[0-9.]+ +[0-9.]+x");
    }
}
