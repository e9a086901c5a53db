package org.harmonyee.dicom.net.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DCMTK's command-line tools (Debian package dcmtk), run with TCP_NODELAY=1 in their environment:
 * Debian's DCMTK leaves Nagle's algorithm on otherwise, and every small PDU then stalls 40 ms.
 */
public final class Dcmtk {

    public record Result(int status, String stdout, String stderr) {

        public String output() {
            return stdout + stderr;
        }
    }

    private Dcmtk() {
    }

    public static Path executable(String tool) {
        Path executable = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: apt-get install -y dcmtk");
        }
        return executable;
    }

    public static ProcessBuilder builder(String tool, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(executable(tool).toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TCP_NODELAY", "1");
        return builder;
    }

    /** Runs a tool with {@code options} (such as its TLS options) before {@code rest}. */
    public static Result run(int seconds, String tool, List<String> options, String... rest)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of(rest));
        return run(seconds, tool, arguments.toArray(String[]::new));
    }

    /** Runs a tool to its end (at most {@code seconds}). */
    public static Result run(int seconds, String tool, String... arguments) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dcmtk-", ".out");
        Path err = Files.createTempFile("dcmtk-", ".err");
        try {
            Process process = builder(tool, List.of(arguments)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(tool + " did not finish in " + seconds + " s: " + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
