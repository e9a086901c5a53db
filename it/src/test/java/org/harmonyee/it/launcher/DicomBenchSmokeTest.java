package org.harmonyee.it.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path output = directory.resolve("bench.out");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("harmony").toString(), "bench", "dicom", "--smoke")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("TMPDIR", directory.toString());
        Process bench = builder.start();
        if (!bench.waitFor(6, TimeUnit.MINUTES)) {
            bench.descendants().forEach(ProcessHandle::destroy);
            bench.destroy();
        }
        String printed = Files.readString(output);

        assertThat(bench.waitFor(1, TimeUnit.MINUTES)).as(printed).isTrue();
        assertThat(bench.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Harmony EE, DICOM bench", "smoke run", "1 warm-up and 2 measured rounds")
                .containsPattern("findscu, all 4 studies \\(STUDY level\\) +[0-9.]+ +[0-9.]+ +[0-9.]+x")
                .containsPattern("getscu, 46 instances, 26\\.8 MB +[0-9.]+ +[0-9.]+ +[0-9.]+x");
        try (var left = Files.list(directory)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("the bench's state folder is removed").noneMatch(name -> name.startsWith("harmony-bench-dicom"));
        }
        assertThat(ProcessHandle.allProcesses().map(process -> process.info().commandLine().orElse("")))
                .as("no dcmqrscp or gateway of the bench left running")
                .noneMatch(command -> command.contains(directory.toString()));
    }
}
