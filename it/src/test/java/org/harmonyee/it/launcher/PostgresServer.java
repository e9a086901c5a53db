package org.harmonyee.it.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A PostgreSQL server of the test's own (Debian's {@code postgresql} package): a new cluster in a
 * folder of the test's, on a free port of 127.0.0.1, with database {@code harmony} owned by user
 * {@code harmony} (trust authentication, local only). Run as the {@code postgres} user when the test
 * runs as root, since PostgreSQL refuses root: the folder's parent, a test's temporary folder, is
 * then opened to others. Stopped with SIGTERM (a fast shutdown).
 */
final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "harmony";
    static final String USER = "harmony";
    /** Never checked (trust authentication); a pool wants one all the same. */
    static final String PASSWORD = "harmony";

    private final Process process;
    private final int port;

    private PostgresServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PostgresServer start(Path folder) throws Exception {
        Path bin = binaries();
        Path data = folder.resolve("data");
        Files.createDirectories(folder);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // The server's user must reach its folder, inside the test's own temporary folder.
            Files.setPosixFilePermissions(folder.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
            run(List.of("chown", "postgres", folder.toString()), false, folder.resolve("chown.log"));
        }
        Path log = folder.resolve("postgres.log");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", USER,
                "-E", "UTF8", "--no-instructions"), root, folder.resolve("initdb.log"));
        int port = LaunchedGateway.freePort();
        ProcessBuilder server = new ProcessBuilder(asServerUser(List.of(bin.resolve("postgres").toString(),
                "-D", data.toString(), "-p", Integer.toString(port), "-h", "127.0.0.1",
                "-k", folder.toString(), "-c", "fsync=off"), root))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        PostgresServer postgres = new PostgresServer(server.start(), port);
        ListeningPort.await("PostgreSQL", postgres.process, port, Duration.ofSeconds(60), () -> Files.readString(log));
        run(asServerUser(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", USER, DATABASE), root), false, folder.resolve("createdb.log"));
        return postgres;
    }

    /** The JDBC URL of database {@code harmony}. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The newest PostgreSQL of Debian's layout, /usr/lib/postgresql/VERSION/bin. */
    private static Path binaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return fail("PostgreSQL is not installed (apt-get install postgresql; ./harmony test installs it)");
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .orElseGet(() -> fail("no PostgreSQL server under " + versions));
        }
    }

    private static List<String> asServerUser(List<String> command, boolean root) {
        if (!root) {
            return command;
        }
        List<String> as = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        as.addAll(command);
        return as;
    }

    private static void run(List<String> command, boolean asServerUser, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(asServerUser(command, asServerUser)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
