package org.harmonyee.dicom.tool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./harmony dicom scp ...} as the operator runs it: a JVM of its own on this test's class
 * path, its first stdout line awaited, stopped with SIGTERM as a service manager stops it.
 */
final class ScpProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String banner;

    private ScpProcess(Process process, Path log, String banner) {
        this.process = process;
        this.log = log;
        this.banner = banner;
    }

    static ScpProcess start(Path log, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DicomTool.class.getName(), "scp"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        AtomicReference<String> first = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                String line = stdout.readLine();
                first.set(line == null ? "(no output)" : line);
                while (stdout.readLine() != null) {
                    continue;
                }
            } catch (IOException e) {
                first.compareAndSet(null, "(stdout failed: " + e.getMessage() + ")");
            }
        }, "scp-stdout");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (first.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String banner = first.get();
        if (banner == null || !banner.contains(" listening on ")) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("scp did not start: " + banner + " " + Files.readString(log));
        }
        return new ScpProcess(process, log, banner);
    }

    /** The line it printed once listening. */
    String banner() {
        return banner;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, then its exit status (143, as for any process ended by SIGTERM), or -1 if it did not end in 10 s. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
