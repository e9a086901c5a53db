package org.harmonyee.it;

import org.harmonyee.dicom.net.peers.TestCertificates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Makes the certificates of the secure DICOM network before the servers start (the build runs it
 * in pre-integration-test): {@link TestCertificates} in the folder given, laid afresh, for the
 * listener ({@code server.p12}, trusting {@code client.pem}) and DCMTK's {@code +tls} callers.
 */
public final class TlsCertificatesMain {

    private TlsCertificatesMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TlsCertificatesMain FOLDER");
        }
        Path folder = Path.of(args[0]);
        if (Files.exists(folder)) {
            try (Stream<Path> old = Files.walk(folder)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        TestCertificates.create(folder);
    }

    /** The certificates the build made, for the tests: the folder of {@code IT_TLS_DIR}. */
    static Path folder() {
        String value = System.getenv("IT_TLS_DIR");
        if (value == null) {
            throw new IllegalStateException("IT_TLS_DIR is not set; run the tests with mvn verify");
        }
        return Path.of(value);
    }
}
