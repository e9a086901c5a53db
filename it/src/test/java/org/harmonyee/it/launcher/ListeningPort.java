package org.harmonyee.it.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.fail;

/**
 * Waiting for a peer the test started (PostgreSQL, nginx) to accept connections on its port of
 * 127.0.0.1: a connection tried every 100 ms; the test fails, with the peer's log, if the process
 * exits first or the port stays closed past the deadline.
 */
final class ListeningPort {

    private ListeningPort() {
    }

    /** Returns once {@code port} accepts a connection; {@code log} is read only to explain a failure. */
    static void await(String peer, Process process, int port, Duration within, Callable<String> log) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(peer + " exited with " + process.exitValue() + ":\n" + log.call());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail(peer + " did not listen on 127.0.0.1:" + port + " within " + within + ":\n" + log.call());
    }
}
