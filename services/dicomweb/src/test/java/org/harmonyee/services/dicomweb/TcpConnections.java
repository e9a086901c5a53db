package org.harmonyee.services.dicomweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The machine's established TCP connections to or from a port, as the kernel lists them
 * ({@code /proc/net/tcp} and {@code tcp6}): what a test sees of an association being left open.
 */
final class TcpConnections {

    private static final String ESTABLISHED = "01";

    private TcpConnections() {
    }

    /** Established connections whose local or remote end is {@code port} (both ends of a loopback one count). */
    static long established(int port) {
        String hex = String.format(Locale.ROOT, ":%04X", port);
        return List.of("/proc/net/tcp", "/proc/net/tcp6").stream().flatMap(TcpConnections::lines)
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 3 && fields[3].equals(ESTABLISHED))
                .filter(fields -> fields[1].endsWith(hex) || fields[2].endsWith(hex))
                .count();
    }

    /** Waits up to {@code millis} for no established connection on {@code port}; returns how many are left. */
    static long awaitNone(int port, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long left = established(port);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = established(port);
        }
        return left;
    }

    private static Stream<String> lines(String file) {
        try {
            Path path = Path.of(file);
            return Files.exists(path) ? Files.readAllLines(path).stream().skip(1) : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
