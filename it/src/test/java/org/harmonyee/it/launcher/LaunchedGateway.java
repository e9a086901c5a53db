package org.harmonyee.it.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The gateway as a user starts it: {@code ./harmony run --config FILE} in a process of its own,
 * its state in a folder of the test's, its console read line by line. Stopped with SIGTERM (the
 * launcher passes it to the server), forcibly after a minute.
 */
final class LaunchedGateway implements AutoCloseable {

    static final Duration STARTUP = Duration.ofMinutes(4);

    private final Process process;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private LaunchedGateway(Process process) {
        this.process = process;
    }

    /** Starts the launcher; {@code environment} adds to the test's own (HARMONY_JAVA_OPTS, ...). */
    static LaunchedGateway start(Path config, Path state, Map<String, String> environment) throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("harmony").toString(), "run", "--config",
                config.toString()).redirectErrorStream(true);
        builder.environment().put("HARMONY_STATE_DIR", state.toString());
        builder.environment().putAll(environment);
        LaunchedGateway gateway = new LaunchedGateway(builder.start());
        Thread reader = new Thread(gateway::readConsole, "launcher-console");
        reader.setDaemon(true);
        reader.start();
        return gateway;
    }

    private void readConsole() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                console.add(line);
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("console closed: " + e);
        }
    }

    /** Every line the console has shown so far. */
    List<String> console() {
        return console;
    }

    /** The lines read until one contains {@code marker} (included); fails at the deadline or if the launcher exits. */
    List<String> readUntil(String marker, Duration within) throws InterruptedException {
        List<String> read = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                read.add(line);
                if (line.contains(marker)) {
                    return read;
                }
            } else if (!process.isAlive()) {
                fail("the launcher exited with " + process.exitValue() + " before '" + marker + "':\n"
                        + String.join("\n", console));
            }
        }
        return fail("no '" + marker + "' within " + within + ":\n" + String.join("\n", console));
    }

    /** Kills the server's JVM at once (SIGKILL), as a crash or a pulled plug would: no shutdown at all. */
    void crash() throws InterruptedException {
        List<ProcessHandle> servers = process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
        if (servers.isEmpty()) {
            fail("no server JVM under the launcher to kill");
        }
        servers.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(60, TimeUnit.SECONDS);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
