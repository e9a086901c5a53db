package org.harmonyee.server.audit;

import org.harmonyee.core.config.SyslogSettings;
import org.harmonyee.dicom.net.peers.PeerProcess;
import org.harmonyee.dicom.net.peers.TestCertificates;
import org.harmonyee.server.audit.peers.Rsyslog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The syslog client against a real rsyslog: framing, header, TLS, and a collector that comes back. */
class SyslogClientTest {

    private static final String MESSAGE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AuditMessage>"
            + "<EventIdentification EventActionCode=\"E\" EventOutcomeIndicator=\"4\" note=\"\u00e9\"/></AuditMessage>";

    @TempDir
    java.nio.file.Path directory;

    @Test
    void rsyslogReceivesOctetCountedRfc5424MessagesOverTcp() throws Exception {
        int port = PeerProcess.freePort();
        try (Rsyslog rsyslog = Rsyslog.tcp(directory.resolve("rsyslog"), port);
             SyslogClient client = new SyslogClient(settings(port, SyslogSettings.Transport.TCP, null), "gw.test")) {
            client.send(Instant.parse("2026-12-03T10:00:00.123Z"), MESSAGE);
            client.send(Instant.parse("2026-12-03T10:00:01Z"), MESSAGE);

            List<String> lines = rsyslog.await(line -> line.contains("AuditMessage"), 2, Duration.ofSeconds(10));
            assertThat(lines).as(rsyslog.log()).hasSize(2);
            assertThat(lines.get(0)).startsWith("85 2026-12-03T10:00:00.123").contains(" gw.test harmony-ee ",
                    " IHE+RFC-3881 ");
            assertThat(Rsyslog.xml(lines.get(0))).isEqualTo(MESSAGE);
        }
    }

    @Test
    void rsyslogReceivesThemOverTlsWhenTheClientTrustsItsCertificate() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("certs"));
        int port = PeerProcess.freePort();
        try (Rsyslog rsyslog = Rsyslog.tls(directory.resolve("rsyslog"), port, certificates.server().certificate(),
                certificates.server().key());
             SyslogClient client = new SyslogClient(settings(port, SyslogSettings.Transport.TLS,
                     certificates.client().trustStore()), "gw.test")) {
            client.send(Instant.now(), MESSAGE);

            List<String> lines = rsyslog.await(line -> line.contains("AuditMessage"), 1, Duration.ofSeconds(10));
            assertThat(lines).as(rsyslog.log()).hasSize(1);
            assertThat(Rsyslog.xml(lines.get(0))).isEqualTo(MESSAGE);
        }
    }

    @Test
    void anUntrustedCollectorGetsNothingAndTheFailureIsReported() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("certs"));
        int port = PeerProcess.freePort();
        try (Rsyslog rsyslog = Rsyslog.tls(directory.resolve("rsyslog"), port, certificates.stranger().certificate(),
                certificates.stranger().key());
             SyslogClient client = new SyslogClient(settings(port, SyslogSettings.Transport.TLS,
                     certificates.client().trustStore()), "gw.test")) {
            assertThatThrownBy(() -> client.send(Instant.now(), MESSAGE)).isInstanceOf(java.io.IOException.class);
            assertThat(rsyslog.await(line -> line.contains("AuditMessage"), 1, Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aCollectorThatRestartsGetsTheMessagesSentOnceTheRetryDelayPassed() throws Exception {
        int port = PeerProcess.freePort();
        Duration retry = Duration.ofSeconds(3);
        try (SyslogClient client = new SyslogClient(settings(port, SyslogSettings.Transport.TCP, null), "gw.test",
                retry)) {
            try (Rsyslog first = Rsyslog.tcp(directory.resolve("first"), port)) {
                client.send(Instant.now(), MESSAGE);
                assertThat(first.await(line -> line.contains("AuditMessage"), 1, Duration.ofSeconds(10))).hasSize(1);
            }
            assertThatThrownBy(() -> sendUntilRefused(client)).isInstanceOf(java.io.IOException.class);
            long failed = System.nanoTime();
            assertThatThrownBy(() -> client.send(Instant.now(), MESSAGE)).as("within the retry delay")
                    .hasMessageContaining("next attempt");
            try (Rsyslog second = Rsyslog.tcp(directory.resolve("second"), port)) {
                Thread.sleep(Math.max(0, (retry.toNanos() - (System.nanoTime() - failed)) / 1_000_000 + 100));
                client.send(Instant.now(), MESSAGE);
                assertThat(second.await(line -> line.contains("AuditMessage"), 1, Duration.ofSeconds(10))).hasSize(1);
            }
        }
    }

    /** A write to a closed peer may succeed once before TCP reports the reset. */
    private static void sendUntilRefused(SyslogClient client) throws Exception {
        for (int i = 0; i < 50; i++) {
            client.send(Instant.now(), MESSAGE);
            Thread.sleep(20);
        }
    }

    private static SyslogSettings settings(int port, SyslogSettings.Transport transport, java.nio.file.Path trust) {
        return new SyslogSettings("127.0.0.1", port, transport, trust, new String(TestCertificates.PASSWORD),
                "harmony-ee");
    }
}
