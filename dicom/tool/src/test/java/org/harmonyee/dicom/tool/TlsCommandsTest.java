package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.net.peers.DataSetBytes;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.PeerProcess;
import org.harmonyee.dicom.net.peers.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS options of the SCU commands against DCMTK's {@code storescp +tls}, which demands a
 * client certificate: echo and store succeed with the client's stores; a certificate storescp does
 * not trust, a plain connection and bad store options each end in one line and a non-zero status.
 */
class TlsCommandsTest {

    private static final String PASSWORD = new String(TestCertificates.PASSWORD);

    @TempDir
    static Path directory;
    private static TestCertificates certificates;
    private static PeerProcess storescp;
    private static int port;
    private static Path received;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(directory.resolve("certificates"));
        port = PeerProcess.freePort();
        received = Files.createDirectories(directory.resolve("received"));
        TestCertificates.Party server = certificates.server();
        List<String> arguments = List.of("+tls", server.key().toString(), server.certificate().toString(), "-pw",
                "+cf", certificates.client().certificate().toString(), "-aet", "STORESCP", "+xa", "+B",
                "-od", received.toString(), Integer.toString(port));
        storescp = PeerProcess.start("storescp +tls", Dcmtk.builder("storescp", arguments), port,
                directory.resolve("storescp.log"));
    }

    @AfterAll
    static void stop() {
        if (storescp != null) {
            storescp.close();
        }
    }

    private static String[] tls(TestCertificates.Party party, String command, String... rest) {
        List<String> all = new ArrayList<>(List.of(command, "-aec", "STORESCP", "--tls",
                "--key-store", party.keyStore().toString(), "--key-store-password", PASSWORD,
                "--trust-store", party.trustStore().toString(), "--trust-store-password", PASSWORD));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    @Test
    void echoesAndStoresOverTls() throws Exception {
        ToolRun echo = ToolRun.run(tls(certificates.client(), "echo", "127.0.0.1", Integer.toString(port)));
        assertThat(echo.status()).as(echo.err() + storescp.log()).isZero();
        assertThat(echo.out()).isEqualTo("C-ECHO STORESCP@127.0.0.1:" + port + ": status 0000\n");

        Path study = Path.of("../core/src/test/resources/sample-ct-study");
        ToolRun store = ToolRun.run(tls(certificates.client(), "store", "--tls-protocol", "TLSv1.2", "127.0.0.1",
                Integer.toString(port), study.toString()));
        assertThat(store.status()).as(store.err() + storescp.log()).isZero();
        List<Path> originals;
        try (var walk = Files.walk(study)) {
            originals = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(store.out()).endsWith(": " + originals.size() + " stored, 0 failed\n");
        Map<String, Path> copies = DataSetBytes.bySopInstance(received);
        for (Path original : originals) {
            String instance = DataSetBytes.bySopInstance(original.getParent()).entrySet().stream()
                    .filter(e -> e.getValue().equals(original)).findFirst().orElseThrow().getKey();
            assertThat(DataSetBytes.mismatch(original, copies.get(instance))).as(original.toString()).isEqualTo(-1);
        }
    }

    @Test
    void anUntrustedCertificateAndAPlainConnectionFailInOneLine() {
        ToolRun stranger = ToolRun.run(tls(certificates.stranger(), "echo", "127.0.0.1", Integer.toString(port)));
        assertThat(stranger.status()).isEqualTo(1);
        assertThat(stranger.err().lines()).hasSize(1).allMatch(line -> line.startsWith("harmony dicom echo: "));

        ToolRun plain = ToolRun.run("echo", "-aec", "STORESCP", "127.0.0.1", Integer.toString(port));
        assertThat(plain.status()).isEqualTo(1);
        assertThat(plain.err().lines()).hasSize(1).allMatch(line -> line.startsWith("harmony dicom echo: "));
    }

    @Test
    void badTlsOptionsAreNamed() {
        TestCertificates.Party client = certificates.client();
        ToolRun wrongPassword = ToolRun.run("echo", "--tls", "--trust-store", client.trustStore().toString(),
                "--trust-store-password", "wrong", "127.0.0.1", Integer.toString(port));
        assertThat(wrongPassword.status()).isEqualTo(1);
        assertThat(wrongPassword.err()).startsWith("harmony dicom echo: cannot load the TLS stores: "
                + client.trustStore());
        assertThat(ToolRun.run("echo", "--tls", "127.0.0.1", "104").err()).contains("--tls needs --trust-store FILE");
        assertThat(ToolRun.run("echo", "--tls", "--trust-store", "missing.p12", "127.0.0.1", "104").err())
                .contains("--trust-store: no such file missing.p12");
        assertThat(ToolRun.run("echo", "--tls", "--trust-store", client.trustStore().toString(),
                "--trust-store-password", "env:HARMONY_NO_SUCH_VARIABLE", "127.0.0.1", "104").err())
                .contains("environment variable HARMONY_NO_SUCH_VARIABLE is not set");
        assertThat(ToolRun.run("echo", "--tls", "--trust-store", client.trustStore().toString(), "--tls-protocol",
                "SSLv3", "127.0.0.1", "104").err()).contains("--tls-protocol: expected TLSv1.3 or TLSv1.2, got 'SSLv3'");
    }
}
