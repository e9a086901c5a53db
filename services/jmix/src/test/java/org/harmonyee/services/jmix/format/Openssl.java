package org.harmonyee.services.jmix.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code openssl} command (OpenSSL 3, Debian's package), the real peer of the JMIX crypto tests. */
public final class Openssl {

    /** What a run printed and how it ended. */
    record Run(int exit, byte[] stdout, String stderr) {
        String text() {
            return new String(stdout, StandardCharsets.US_ASCII);
        }
    }

    private Openssl() {
    }

    static Run run(String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile("openssl-", ".err");
        try {
            Process process = new ProcessBuilder(List.of(args)).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
            return new Run(process.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Runs and requires success. */
    public static byte[] ok(String... args) throws IOException, InterruptedException {
        Run run = run(args);
        assertThat(run.exit()).as(String.join(" ", args) + ": " + run.stderr()).isZero();
        return run.stdout();
    }

    /** A fresh key pair in PEM: {@code <name>.pem} (PKCS#8) and {@code <name>.pub.pem} (SubjectPublicKeyInfo). */
    public static Path keyPair(Path dir, String algorithm, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name + ".pem");
        ok("openssl", "genpkey", "-algorithm", algorithm, "-out", key.toString());
        ok("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", dir.resolve(name + ".pub.pem").toString());
        return key;
    }
}
