package org.harmonyee.dicom.net.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A peer server process on a loopback port (dcmqrscp, storescp, Orthanc): started, awaited, stopped. */
public final class PeerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private PeerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Whether a started peer answers yet. */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws IOException, InterruptedException;
    }

    /** Starts {@code builder} and waits until 127.0.0.1:{@code port} accepts connections. */
    public static PeerProcess start(String name, ProcessBuilder builder, int port, Path log) throws IOException {
        return start(name, builder, log, () -> {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** A DCMTK server is ready when echoscu gets an answer (a bare TCP probe makes it log an error). */
    public static PeerProcess startDcmtk(String name, ProcessBuilder builder, int port, String aeTitle, Path log)
            throws IOException {
        return start(name, builder, log, () -> Dcmtk.run(10, "echoscu", "-q", "-to", "2", "-aec", aeTitle, "127.0.0.1",
                Integer.toString(port)).status() == 0);
    }

    /** Starts {@code builder} and waits (20 s at most) until {@code probe} says it is ready. */
    public static PeerProcess start(String name, ProcessBuilder builder, Path log, Probe probe) throws IOException {
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        PeerProcess peer = new PeerProcess(name, process, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + peer.log());
            }
            try {
                if (probe.ready()) {
                    return peer;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep();
        }
        peer.close();
        throw new IllegalStateException(name + " was not ready within 20 s: " + peer.log());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A free loopback port (racy in theory; fine for tests that start at once). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static List<Integer> freePorts(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int port = freePort();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
