package org.harmonyee.it.launcher;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The preamble the launcher tests shared, once: a folder of the test's own (configurations, the
 * gateway's state under {@code state/}), gateways launched with {@code ./harmony run}, and every
 * gateway stopped and the folder removed after the test, whatever its outcome. Registered on an
 * instance field: {@code @RegisterExtension final Launches launches = new Launches();}.
 */
final class Launches implements BeforeEachCallback, AfterEachCallback {

    private final List<LaunchedGateway> started = new ArrayList<>();
    private Path directory;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        // A short name, as JUnit's @TempDir had: LauncherConsoleTest holds the launcher's lines,
        // which name this folder, to 200 characters.
        directory = Files.createTempDirectory("harmony-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
            started.clear();
        } finally {
            delete(directory);
        }
    }

    /** The test's folder. */
    Path directory() {
        return directory;
    }

    /** Launches {@code ./harmony run --config config} with its state in the test's folder; not waited for. */
    LaunchedGateway start(Path config, Map<String, String> environment) throws IOException {
        LaunchedGateway gateway = LaunchedGateway.start(config, directory.resolve("state"), environment);
        started.add(gateway);
        return gateway;
    }

    /** Launches as {@link #start} does and returns once the console says {@code Harmony EE ready}. */
    Started startReady(Path config, Map<String, String> environment) throws IOException, InterruptedException {
        LaunchedGateway gateway = start(config, environment);
        return new Started(gateway, gateway.readUntil("Harmony EE ready", LaunchedGateway.STARTUP));
    }

    /** A gateway that said it is ready, and the console lines up to that line. */
    record Started(LaunchedGateway gateway, List<String> startup) {
    }

    /** Writes {@code text} to {@code name} in the test's folder, its parent folders made. */
    Path write(String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    static void delete(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
