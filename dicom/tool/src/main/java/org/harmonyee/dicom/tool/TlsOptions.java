package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;

import org.harmonyee.dicom.net.tls.DicomTls;
import org.harmonyee.dicom.net.tls.TlsConfig;

/**
 * The TLS options every network command takes: {@code --tls}, {@code --key-store FILE},
 * {@code --key-store-password PASS}, {@code --trust-store FILE}, {@code --trust-store-password PASS},
 * {@code --store-type PKCS12|JKS} (PKCS12 by default, JKS for a {@code .jks} file) and
 * {@code --tls-protocol TLSv1.3|TLSv1.2} (both by default); an SCP also takes
 * {@code --no-client-auth}. A password written {@code env:NAME} is read from that environment
 * variable, so that it need not appear in the process list.
 */
final class TlsOptions {

    static final String TLS = "--tls";
    static final String NO_CLIENT_AUTH = "--no-client-auth";
    static final Set<String> FLAGS = Set.of(TLS, NO_CLIENT_AUTH);
    static final Set<String> VALUED = Set.of("--key-store", "--key-store-password", "--trust-store",
            "--trust-store-password", "--store-type", "--tls-protocol");
    static final String USAGE = "[TLS options]";
    static final String OPTIONS = "TLS options: --tls --trust-store FILE [--trust-store-password P] [--key-store FILE"
            + " --key-store-password P] [--store-type PKCS12|JKS] [--tls-protocol TLSv1.3|TLSv1.2]"
            + " (a password may be env:VARIABLE); scp: --key-store is required, --no-client-auth";

    private TlsOptions() {
    }

    /**
     * The TLS context the options ask for, or null without {@code --tls}.
     *
     * @param acceptor an SCP: its key store is required, and it asks for client certificates
     *                 unless {@code --no-client-auth}
     */
    static DicomTls of(Options options, boolean acceptor) throws CommandException {
        if (!options.has(TLS)) {
            for (String name : VALUED) {
                if (options.has(name)) {
                    throw CommandException.usage(name + " needs --tls");
                }
            }
            return null;
        }
        Path keyStore = file(options, "--key-store");
        Path trustStore = file(options, "--trust-store");
        if (trustStore == null) {
            throw CommandException.usage("--tls needs --trust-store FILE (the certificates to trust)");
        }
        if (acceptor && keyStore == null) {
            throw CommandException.usage("--tls needs --key-store FILE (this SCP's key and certificate)");
        }
        String type = options.value("--store-type", trustStore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        if (!type.equals("PKCS12") && !type.equals("JKS")) {
            throw CommandException.usage("--store-type: expected PKCS12 or JKS, got '" + type + "'");
        }
        String protocol = options.value("--tls-protocol", null);
        List<String> protocols = protocol == null ? TlsConfig.DEFAULT_PROTOCOLS : List.of(protocol);
        try {
            TlsConfig config = new TlsConfig(keyStore, password(options, "--key-store-password"), trustStore,
                    password(options, "--trust-store-password"), type, protocols, acceptor && !options.has(NO_CLIENT_AUTH));
            return DicomTls.of(config);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--tls-protocol: expected TLSv1.3 or TLSv1.2, got '" + protocol + "'");
        } catch (IOException | GeneralSecurityException e) {
            throw CommandException.failure("cannot load the TLS stores: " + e.getMessage());
        }
    }

    private static Path file(Options options, String name) throws CommandException {
        String value = options.value(name, null);
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw CommandException.failure(name + ": no such file " + value);
        }
        return path;
    }

    private static char[] password(Options options, String name) throws CommandException {
        String value = options.value(name, "");
        if (!value.startsWith("env:")) {
            return value.toCharArray();
        }
        String variable = value.substring(4);
        String secret = System.getenv(variable);
        if (secret == null) {
            throw CommandException.usage(name + ": environment variable " + variable + " is not set");
        }
        return secret.toCharArray();
    }
}
