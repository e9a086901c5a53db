package org.harmonyee.services.jmix;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.services.jmix.crypto.KeyFiles;
import org.harmonyee.services.jmix.crypto.ManifestSignature;
import org.harmonyee.services.jmix.format.BuildOptions;
import org.harmonyee.services.jmix.format.JmixEntity;
import org.harmonyee.services.jmix.format.Openssl;
import org.harmonyee.services.jmix.format.PackageIdentity;
import org.harmonyee.services.jmix.format.PackageSecurity;
import org.harmonyee.services.jmix.format.PackageSummary;
import org.harmonyee.services.jmix.format.PackageWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.harmonyee.services.jmix.DcmqrscpJmixTest.assertProblem;

/**
 * The builder's {@code encrypt_for} and {@code sign_with} keys (PEM files made by {@code openssl},
 * named relative to the configuration's folder): unusable ones are startup problems naming file,
 * table and key; a signed upload is verified, and a tampered one is 400 with nothing stored.
 */
class JmixKeysTest {

    @TempDir
    Path directory;
    private TestThreads threads;
    private int closedPort;
    private Path keys;

    @BeforeEach
    void start() throws Exception {
        threads = new TestThreads("jmix-keys-test");
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        keys = Files.createDirectories(directory.resolve("keys"));
        Openssl.keyPair(keys, "X25519", "recipient");
        Openssl.keyPair(keys, "ED25519", "signer");
        Files.writeString(keys.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    private JmixGateway gateway(String options) {
        return new JmixGateway(directory, threads.executor(), "NOBODY", closedPort, options);
    }

    @Test
    void unusableKeyFilesAreStartupProblemsNamingFileTableAndKey() {
        assertThatThrownBy(() -> gateway("encrypt_for = \"keys/missing.pem\"\nsign_with = \"keys/recipient.pub.pem\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines/jmix.toml: [middleware.builder")
                .hasMessageContaining("encrypt_for: key file " + keys.resolve("missing.pem") + " does not exist")
                .hasMessageContaining("sign_with: key file " + keys.resolve("recipient.pub.pem") + " holds no PEM 'PRIVATE KEY' block");
        assertThatThrownBy(() -> gateway("encrypt_for = \"keys/signer.pub.pem\"\nsign_with = \"keys/garbage.pem\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encrypt_for: key file " + keys.resolve("signer.pub.pem") + " is not an X25519 public key")
                .hasMessageContaining("sign_with: key file " + keys.resolve("garbage.pem") + " is not an Ed25519 private key");
        assertThatThrownBy(() -> gateway("sign_with = \"keys/recipient.pem\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sign_with: key file " + keys.resolve("recipient.pem") + " is not an Ed25519 private key");
    }

    @Test
    void aSignedUploadIsVerifiedAndATamperedOneIs400WithNothingStored() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String manifest = new String(writeSigned(out).manifest(), StandardCharsets.UTF_8);
        byte[] zip = out.toByteArray();
        byte[] tampered = JmixUploadTest.rewrite(zip, "manifest.json",
                manifest.replace("org:us", "org:ux").getBytes(StandardCharsets.UTF_8));
        try (JmixGateway gateway = gateway("encrypt_for = \"keys/recipient.pub.pem\"\nsign_with = \"keys/signer.pem\"")) {
            assertProblem(gateway.send("POST", "/api/jmix", tampered, "Content-Type", "application/zip"), 400,
                    "the package's signature does not hold");
            assertThat(gateway.store()).satisfiesAnyOf(store -> assertThat(store).doesNotExist(),
                    store -> assertThat(store).isEmptyDirectory());
            assertThat(gateway.send("POST", "/api/jmix", zip, "Content-Type", "application/zip").status()).isEqualTo(201);
        }
    }

    /** Writes a signed package for {@code org:us}. */
    private PackageSummary writeSigned(ByteArrayOutputStream out) throws Exception {
        PackageSecurity security = new PackageSecurity(null,
                new ManifestSignature(KeyFiles.privateKey(keys.resolve("signer.pem"), "Ed25519")));
        try (PackageWriter writer = new PackageWriter(out, new BuildOptions(new PackageIdentity(
                new JmixEntity("org:elsewhere", null), null, List.of(new JmixEntity("org:us", null))), false, false, security),
                Clock.systemUTC())) {
            for (TestDataset.Instance instance : TestDataset.instances().stream().limit(2).toList()) {
                try (InputStream in = Files.newInputStream(instance.file())) {
                    writer.addInstance(in);
                }
            }
            return writer.finish();
        }
    }
}
