package org.harmonyee.it.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./harmony bench dicomweb --smoke} as a user runs it: Orthanc with its DICOMweb plugin
 * loaded with the test dataset and a generated 100-instance series, the gateway started by the
 * launcher bridging to Orthanc's DIMSE, two rounds of each case at Orthanc and through the gateway,
 * one table, and nothing left behind (its processes stopped, its state folder removed). The figures
 * are not asserted: a smoke run measures nothing.
 */
class DicomWebBenchSmokeTest {

    @TempDir
    Path directory;

    @Test
    void theSmokeRunPrintsTheTableAndCleansUp() throws IOException, InterruptedException {
        String printed = BenchSmokeRun.run("dicomweb", directory, 8);

        assertThat(printed).contains("Harmony EE, DICOMweb bench", "smoke run", "1 warm-up and 2 measured rounds")
                .containsPattern("WADO-RS, study of 46 instances, 26\\.8 MB +[0-9.]+ +[0-9.]+ +[0-9.]+x +<= 1\\.0x")
                .containsPattern("QIDO-RS, all 5 studies +[0-9.]+ +[0-9.]+ +[0-9.]+x +<= 1\\.5x")
                .containsPattern("first part of a 100-instance series +[0-9.]+ +[0-9.]+ +[0-9.]+x");
    }
}
