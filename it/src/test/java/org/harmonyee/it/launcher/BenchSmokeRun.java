package org.harmonyee.it.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./harmony bench NAME --smoke} as a user runs it, its state folder under a test's folder
 * (TMPDIR): the run must end with 0 within its limit, its state folder removed, none of its processes
 * left running. What it printed is the test's to check.
 */
final class BenchSmokeRun {

    private BenchSmokeRun() {
    }

    /** Runs the bench's smoke mode, checks that it ended cleanly, and answers what it printed. */
    static String run(String bench, Path directory, int minutes) throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path output = directory.resolve("bench.out");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("harmony").toString(), "bench", bench, "--smoke")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("TMPDIR", directory.toString());
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        String printed = Files.readString(output);

        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as(printed).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        try (var left = Files.list(directory)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("the bench's state folder is removed").noneMatch(name -> name.startsWith("harmony-bench-" + bench));
        }
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")))
                .as("no process of the bench left running").noneMatch(command -> command.contains(directory.toString()));
        return printed;
    }
}
