package org.harmonyee.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a DCMTK command-line tool (package dcmtk), or any command, and returns its exit status and output. */
public final class Dcmtk {

    public record Result(int status, String stdout, String stderr) {
    }

    private Dcmtk() {
    }

    public static Result run(String tool, String... arguments) throws IOException, InterruptedException {
        Path executable = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: install dcmtk (./harmony test does)");
        }
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        return exec(command);
    }

    /** Runs a command (60 s at most) and collects its status, stdout and stderr (UTF-8). */
    public static Result exec(List<String> command) throws IOException, InterruptedException {
        String tool = command.get(0);
        Path out = Files.createTempFile("dcmtk-", ".out");
        Path err = Files.createTempFile("dcmtk-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
