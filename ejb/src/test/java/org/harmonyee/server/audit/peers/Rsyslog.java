package org.harmonyee.server.audit.peers;

import org.harmonyee.dicom.net.peers.PeerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real rsyslog (Debian's {@code rsyslogd}, with {@code rsyslog-gnutls} for TLS) listening on a
 * loopback port with a configuration of its own, writing each message it receives as one line of
 * {@code received.log}: {@code PRI TIMESTAMP HOSTNAME APP-NAME PROCID MSGID MSG}.
 */
public final class Rsyslog implements AutoCloseable {

    private static final String TEMPLATE = "template(name=\"line\" type=\"string\" string=\"%pri% "
            + "%timereported:::date-rfc3339% %hostname% %app-name% %procid% %msgid% %msg%\\n\")\n";

    private final PeerProcess process;
    private final Path received;

    private Rsyslog(PeerProcess process, Path received) {
        this.process = process;
        this.received = received;
    }

    /** Syslog over TCP, octet-counted or newline-framed (RFC 6587). */
    public static Rsyslog tcp(Path directory, int port) throws IOException {
        return start(directory, port, "module(load=\"imtcp\")\n");
    }

    /** Syslog over TLS (RFC 5425), with the server's PEM certificate and key; callers are not asked for one. */
    public static Rsyslog tls(Path directory, int port, Path certificate, Path key) throws IOException {
        return start(directory, port, "global(DefaultNetstreamDriver=\"gtls\" DefaultNetstreamDriverCAFile=\""
                + certificate + "\" DefaultNetstreamDriverCertFile=\"" + certificate
                + "\" DefaultNetstreamDriverKeyFile=\"" + key + "\")\n"
                + "module(load=\"imtcp\" StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\" "
                + "StreamDriver.AuthMode=\"anon\")\n");
    }

    private static Rsyslog start(Path folder, int port, String input) throws IOException {
        Path directory = Files.createDirectories(folder).toAbsolutePath();
        Path received = directory.resolve("received.log");
        Path config = directory.resolve("rsyslog.conf");
        Files.writeString(config, "global(workDirectory=\"" + directory + "\" maxMessageSize=\"64k\")\n" + input
                + "input(type=\"imtcp\" port=\"" + port + "\" address=\"127.0.0.1\")\n" + TEMPLATE
                + "action(type=\"omfile\" file=\"" + received + "\" template=\"line\")\n");
        ProcessBuilder builder = new ProcessBuilder("/usr/sbin/rsyslogd", "-n", "-f", config.toString(),
                "-i", directory.resolve("rsyslogd.pid").toString());
        return new Rsyslog(PeerProcess.start("rsyslogd", builder, port, directory.resolve("rsyslogd.log")), received);
    }

    /** The lines received so far that {@code match}, waiting up to {@code timeout} for {@code count} of them. */
    public List<String> await(Predicate<String> match, int count, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = lines(match);
        while (lines.size() < count && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            lines = lines(match);
        }
        return lines;
    }

    private List<String> lines(Predicate<String> match) throws IOException {
        if (!Files.exists(received)) {
            return List.of();
        }
        return new String(Files.readAllBytes(received), StandardCharsets.UTF_8).lines().filter(match).toList();
    }

    /** The XML of a received line's message (what follows the BOM). */
    public static String xml(String line) {
        int start = line.indexOf("<?xml");
        return start < 0 ? "" : line.substring(start);
    }

    /** rsyslogd's own output and everything it received, for an assertion's message. */
    public String log() {
        try {
            return process.log() + (Files.exists(received) ? "\nreceived:\n" + new String(Files.readAllBytes(received),
                    StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            return process.log() + e;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
