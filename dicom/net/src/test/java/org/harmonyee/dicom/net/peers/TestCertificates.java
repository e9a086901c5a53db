package org.harmonyee.dicom.net.peers;

import org.harmonyee.dicom.net.tls.TlsConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed RSA certificates for a TLS test, made with openssl and keytool: for each party a PEM
 * key and certificate (for DCMTK's {@code +tls key cert}), a PKCS12 key store, and a PKCS12 trust
 * store holding the other party's certificate (for us).
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "harmony-test".toCharArray();

    /** One party's files. */
    public record Party(Path key, Path certificate, Path keyStore, Path trustStore) {

        public TlsConfig config() {
            return TlsConfig.pkcs12(keyStore, PASSWORD, trustStore, PASSWORD);
        }
    }

    private final Party server;
    private final Party client;
    private final Party stranger;

    private TestCertificates(Party server, Party client, Party stranger) {
        this.server = server;
        this.client = client;
        this.stranger = stranger;
    }

    /** Server and client trust each other; the stranger trusts the server, but nobody trusts the stranger. */
    public static TestCertificates create(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        for (String name : List.of("server", "client", "stranger")) {
            run(directory, "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=harmony-test-" + name, "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", name + ".key", "-out", name + ".pem");
            run(directory, "/usr/bin/openssl", "pkcs12", "-export", "-inkey", name + ".key", "-in", name + ".pem",
                    "-name", name, "-out", name + ".p12", "-passout", "pass:" + new String(PASSWORD));
        }
        trust(directory, "server", "client");
        trust(directory, "client", "server");
        trust(directory, "stranger", "server");
        return new TestCertificates(party(directory, "server"), party(directory, "client"), party(directory, "stranger"));
    }

    private static void trust(Path directory, String party, String trusted) throws IOException, InterruptedException {
        run(directory, "/usr/bin/keytool", "-importcert", "-noprompt", "-alias", trusted, "-file", trusted + ".pem",
                "-keystore", party + "-trust.p12", "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
    }

    private static Party party(Path directory, String name) {
        return new Party(directory.resolve(name + ".key"), directory.resolve(name + ".pem"),
                directory.resolve(name + ".p12"), directory.resolve(name + "-trust.p12"));
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(command[0]))) {
            throw new IllegalStateException(command[0] + " is missing: apt-get install -y openssl default-jdk-headless");
        }
        Path log = directory.resolve("tool.log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    public Party server() {
        return server;
    }

    public Party client() {
        return client;
    }

    public Party stranger() {
        return stranger;
    }
}
