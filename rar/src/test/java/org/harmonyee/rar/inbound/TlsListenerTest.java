package org.harmonyee.rar.inbound;

import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code tls = true} listener: DCMTK's echoscu over TLS with a trusted client certificate, and without one. */
class TlsListenerTest {

    @TempDir
    Path directory;

    private final TestWorkManager work = new TestWorkManager();
    private final DicomResourceAdapter adapter = new DicomResourceAdapter();

    @AfterEach
    void stop() throws Exception {
        adapter.stop();
        work.close();
    }

    @Test
    void echoscuOverTlsWithATrustedCertificateIsAnsweredAndWithoutOneRefused() throws Exception {
        TestCertificates certificates = TestCertificates.create(directory.resolve("certificates"));
        TestCertificates.Party server = certificates.server();
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = Files.writeString(directory.resolve("config.toml"), """
                [proxy]
                id = "tls-test"
                [network.secure.dicom]
                bind_address = "127.0.0.1"
                bind_port = %d
                aet = "HARMONY"
                tls = true
                tls_key_store = "%s"
                tls_key_store_password = "%s"
                tls_trust_store = "%s"
                tls_trust_store_password = "%s"
                """.formatted(port, server.keyStore(), new String(TestCertificates.PASSWORD), server.trustStore(),
                new String(TestCertificates.PASSWORD)));
        DicomActivationSpec spec = new DicomActivationSpec();
        spec.setConfigPath(config.toString());
        adapter.start(work);
        adapter.endpointActivation(new TestEndpointFactory(new GatewayListener()), spec);
        TestCertificates.Party client = certificates.client();
        List<String> tls = List.of("+tls", client.key().toString(), client.certificate().toString(), "-pw", "+cf",
                server.certificate().toString());

        Dcmtk.Result secure = Dcmtk.run(60, "echoscu", tls, "-aec", "HARMONY", "127.0.0.1", Integer.toString(port));
        Dcmtk.Result plain = Dcmtk.run(60, "echoscu", "-to", "5", "-aec", "HARMONY", "127.0.0.1", Integer.toString(port));

        assertThat(secure.status()).as(secure.output()).isZero();
        assertThat(plain.status()).isNotZero();
    }
}
