package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code [network.NAME]} with its {@code .http} and {@code .dicom} listeners. */
final class NetworkReader {

    private static final Set<String> DICOM_KEYS = Set.of("bind_address", "bind_port", "aet", "max_associations", "tls",
            "tls_key_store", "tls_key_store_password", "tls_trust_store", "tls_trust_store_password",
            "require_client_cert", "acse_timeout_ms", "dimse_timeout_ms", "idle_timeout_ms");
    private static final int MAX_AE_TITLE = 16;
    private static final long MAX_TIMEOUT_MS = 86_400_000L;

    private final Problems problems;
    private final Path directory;

    NetworkReader(Problems problems, Path directory) {
        this.problems = problems;
        this.directory = directory;
    }

    Map<String, NetworkConfig> read(Map<String, ConfigReader.Located> tables) {
        Map<String, NetworkConfig> networks = new LinkedHashMap<>();
        tables.forEach((name, located) -> {
            Options network = options(located.table(), located.source());
            TableShape.check(network, Set.of("enable_wireguard", "interface"), Set.of("http", "dicom"));
            checkWireGuard(network);
            Optional<Options> http = listenerTable(located, "http");
            Optional<Options> dicom = listenerTable(located, "dicom");
            boolean defaultHttp = http.isEmpty() && !located.table().has("dicom");
            Optional<HttpListener> httpListener = defaultHttp
                    ? Optional.of(http(options(null, located.source().child("http"))))
                    : http.map(this::http);
            networks.put(name, new NetworkConfig(name, httpListener, dicom.map(this::dicom), located.source()));
        });
        return networks;
    }

    /**
     * The Rust Harmony's WireGuard keys: it validates them and starts no tunnel, and neither does
     * Harmony EE; each key set to something that would matter is a warning saying so.
     */
    private static void checkWireGuard(Options network) {
        if (network.bool("enable_wireguard", false)) {
            TableShape.warn(network.source(), "enable_wireguard", "has no effect in Harmony EE: no WireGuard "
                    + "tunnel is started and the listeners take plain connections; run the tunnel outside the "
                    + "server and bind the network to its address");
        }
        if (network.has("interface")) {
            TableShape.warn(network.source(), "interface", "has no effect in Harmony EE (no WireGuard tunnel is "
                    + "started); the listeners bind to bind_address");
        }
    }

    /** The listener sub-table, empty when absent or not a table (reported). */
    private Optional<Options> listenerTable(ConfigReader.Located located, String key) {
        JsonNode node = located.table().get(key);
        Source source = located.source().child(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(source, null, "expected a table");
            return Optional.empty();
        }
        return Optional.of(options((ObjectNode) node, source));
    }

    private HttpListener http(Options listener) {
        TableShape.check(listener, Set.of("bind_address", "bind_port"), Set.of());
        String address = listener.string("bind_address", ConfigDefaults.BIND_ADDRESS);
        return new HttpListener(address, port(listener, ConfigDefaults.BIND_PORT), listener.source());
    }

    private DicomListener dicom(Options listener) {
        checkKeys(listener);
        String address = listener.string("bind_address", ConfigDefaults.BIND_ADDRESS);
        int port = listener.has("bind_port") ? port(listener, NetworkConfig.INVALID_PORT) : missingPort(listener);
        String aeTitle = aeTitle(listener);
        int maxAssociations = (int) listener.integer("max_associations", ConfigDefaults.DICOM_MAX_ASSOCIATIONS, 1, 10_000);
        Optional<DicomTlsSettings> tls = listener.bool("tls", false) ? Optional.of(tls(listener)) : Optional.empty();
        Duration acse = millis(listener, "acse_timeout_ms", ConfigDefaults.DICOM_ACSE_TIMEOUT_MS, 1);
        Duration dimse = millis(listener, "dimse_timeout_ms", ConfigDefaults.DICOM_DIMSE_TIMEOUT_MS, 0);
        Duration idle = millis(listener, "idle_timeout_ms", ConfigDefaults.DICOM_IDLE_TIMEOUT_MS, 0);
        return new DicomListener(address, port, aeTitle, maxAssociations, tls, acse, dimse, idle, listener.source());
    }

    /** A misspelt key (require_client_certs) would silently keep a default: every unknown key is a problem. */
    private static void checkKeys(Options listener) {
        listener.keys().stream().filter(key -> !DICOM_KEYS.contains(key)).forEach(key -> listener.problem(key,
                "unknown key; expected one of " + new TreeSet<>(DICOM_KEYS)));
    }

    private int missingPort(Options listener) {
        listener.problem("bind_port", "required, missing (a DICOM listener has no default port)");
        return NetworkConfig.INVALID_PORT;
    }

    private int port(Options listener, int defaultValue) {
        int reported = problems.size();
        int port = listener.port("bind_port", defaultValue);
        return problems.size() > reported ? NetworkConfig.INVALID_PORT : port;
    }

    /** PS3.5 AE: 1-16 characters of the default repertoire, no backslash; spaces at either end are not significant. */
    private static String aeTitle(Options listener) {
        String value = listener.requiredString("aet").strip();
        if (!listener.has("aet")) {
            return value;
        }
        if (value.isEmpty() || value.length() > MAX_AE_TITLE) {
            listener.problem("aet", "expected 1-16 characters, got " + value.length());
        } else if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7E || c == '\\')) {
            listener.problem("aet", "expected printable ASCII without a backslash, got '" + printable(value) + "'");
        }
        return value;
    }

    private static String printable(String value) {
        StringBuilder text = new StringBuilder();
        value.chars().forEach(c -> text.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : (char) c));
        return text.toString();
    }

    private DicomTlsSettings tls(Options listener) {
        Path keyStore = store(listener, "tls_key_store");
        Path trustStore = store(listener, "tls_trust_store");
        return new DicomTlsSettings(keyStore, listener.string("tls_key_store_password", ""), trustStore,
                listener.string("tls_trust_store_password", ""), listener.bool("require_client_cert", true));
    }

    private Path store(Options listener, String key) {
        Optional<Path> path = listener.path(key);
        if (path.isEmpty()) {
            listener.problem(key, "required when tls = true");
            return directory;
        }
        if (!Files.isRegularFile(path.get()) || !Files.isReadable(path.get())) {
            listener.problem(key, "not a readable file: " + path.get());
        }
        return path.get();
    }

    private static Duration millis(Options listener, String key, long defaultValue, long min) {
        return Duration.ofMillis(listener.integer(key, defaultValue, min, MAX_TIMEOUT_MS));
    }

    private Options options(ObjectNode node, Source source) {
        return new Options(node, source, problems, directory);
    }
}
