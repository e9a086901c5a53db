package org.harmonyee.services.dimse;

import org.harmonyee.core.config.Options;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.Timeouts;
import org.harmonyee.dicom.net.tls.DicomTls;
import org.harmonyee.dicom.net.tls.TlsConfig;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one {@code dicom} backend, read and validated once; the defaults of this service
 * live here and nowhere else. The PACS's address ({@code aet}, {@code host}, {@code port} or
 * {@code targets}) is read by {@link DicomTargets}.
 *
 * @param localAet              the calling AE title, and the AE title of the move destination SCP
 * @param retrieveMode          GET or MOVE: what an HTTP request that names no operation performs, and
 *                              with an incoming store port how every retrieve is performed
 * @param moveWhenGetRefused    {@code dimse_retrieve_mode = "get_or_move"}: retrieves are C-GETs, and a
 *                              C-GET the PACS refuses is performed again as a C-MOVE to the incoming store port
 * @param connectTimeout        TCP connection, TLS handshake and A-ASSOCIATE-AC, each
 * @param dimseTimeout          silence while a DIMSE response is outstanding
 * @param maxPooledAssociations the most idle associations kept for reuse (0: each request opens its own)
 * @param poolIdleTimeout       how long a kept association may stay idle before it is released
 * @param maxResults            the most matches an HTTP-door C-FIND returns
 * @param moveDestination       the C-MOVE destination when the request names none, or null
 * @param incomingStore         where the move destination SCP listens ({@code incoming_store_port}), or null
 * @param tls                   the TLS context, or null for plain TCP
 */
record DimseBackendConfig(String localAet, DimseOperation retrieveMode, boolean moveWhenGetRefused,
                          Duration connectTimeout, Duration dimseTimeout,
                          int maxPooledAssociations, Duration poolIdleTimeout, int maxResults, String moveDestination, IncomingStore incomingStore,
                          DicomTls tls) {

    /** The address of the backend's own C-STORE SCP, the destination of its C-MOVEs in move mode. */
    record IncomingStore(String bindAddress, int port) {
    }

    static final String DEFAULT_LOCAL_AET = "HARMONY_SCU";
    static final String DEFAULT_RETRIEVE_MODE = "get";
    static final String GET_OR_MOVE = "get_or_move";
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    static final int DEFAULT_DIMSE_TIMEOUT_MS = 60_000;
    static final int DEFAULT_MAX_POOLED_ASSOCIATIONS = 0;
    static final int DEFAULT_POOL_IDLE_TIMEOUT_MS = 5_000;
    static final int DEFAULT_MAX_RESULTS = 1_000;
    static final String DEFAULT_INCOMING_STORE_BIND_ADDRESS = "0.0.0.0";

    private static final System.Logger LOG = System.getLogger(DimseBackendConfig.class.getName());
    private static final List<String> TLS_KEYS = List.of("tls_key_store", "tls_key_store_password", "tls_trust_store",
            "tls_trust_store_password");
    /** Options of the Rust Harmony's DCMTK-based SCU that have no meaning here. */
    private static final List<String> RUST_ONLY_KEYS = List.of("persistent_store_scp", "storage_dir",
            "use_dcmtk_store");

    static DimseBackendConfig read(String backend, Options options) {
        String localAet = AeTitles.read(options, "local_aet", DEFAULT_LOCAL_AET);
        String mode = options.oneOf("dimse_retrieve_mode", DEFAULT_RETRIEVE_MODE, Set.of("get", "move", GET_OR_MOVE));
        long connect = options.integer("connect_timeout_ms", DEFAULT_CONNECT_TIMEOUT_MS, 1, 600_000);
        long dimse = options.integer("dimse_timeout_ms", DEFAULT_DIMSE_TIMEOUT_MS, 1, 3_600_000);
        int pooled = (int) options.integer("max_pooled_associations", DEFAULT_MAX_POOLED_ASSOCIATIONS, 0, 1_000);
        long poolIdle = options.integer("pool_idle_timeout_ms", DEFAULT_POOL_IDLE_TIMEOUT_MS, 1, 3_600_000);
        if (options.has("pool_idle_timeout_ms") && poolIdle >= dimse) {
            options.problem("pool_idle_timeout_ms", "must be below dimse_timeout_ms (" + dimse + "), which aborts"
                    + " an association idle that long");
        }
        int maxResults = (int) options.integer("max_results", DEFAULT_MAX_RESULTS, 1, 1_000_000);
        String destination = AeTitles.optional(options, "move_destination").orElse(null);
        IncomingStore incomingStore = incomingStore(backend, options, mode);
        DicomTls tls = tls(options);
        warnAboutUnusedOptions(backend, options);
        return new DimseBackendConfig(localAet, mode.equals("move") ? DimseOperation.MOVE : DimseOperation.GET,
                mode.equals(GET_OR_MOVE) && incomingStore != null, Duration.ofMillis(connect), Duration.ofMillis(dimse), pooled,
                Duration.ofMillis(Math.min(poolIdle, dimse - 1)), maxResults, destination, incomingStore, tls);
    }

    /**
     * The association settings: the connect timeout bounds the TCP connection, the TLS handshake,
     * the wait for the A-ASSOCIATE-AC and for the A-RELEASE-RP; the DIMSE timeout bounds silence
     * while a response is outstanding, and between operations.
     */
    AssociationSettings associationSettings() {
        return AssociationSettings.DEFAULT.withTimeouts(new Timeouts(connectTimeout, connectTimeout, connectTimeout,
                dimseTimeout, dimseTimeout));
    }

    /**
     * {@code incoming_store_port} (with {@code incoming_store_bind_address}): only in move mode,
     * where it makes every retrieve a C-MOVE to the backend's own store SCP, and in get_or_move
     * mode, which needs it for the C-MOVEs that replace refused C-GETs.
     */
    private static IncomingStore incomingStore(String backend, Options options, String mode) {
        String bindAddress = options.string("incoming_store_bind_address").orElse(DEFAULT_INCOMING_STORE_BIND_ADDRESS);
        if (!options.has("incoming_store_port")) {
            if (options.has("incoming_store_bind_address")) {
                options.problem("incoming_store_bind_address", "needs incoming_store_port");
            }
            if (mode.equals(GET_OR_MOVE)) {
                options.problem("dimse_retrieve_mode", "\"get_or_move\" needs incoming_store_port (where the PACS"
                        + " moves the instances of a C-GET it refuses)");
            }
            if (mode.equals("move")) {
                LOG.log(Level.INFO, () -> "backend '" + backend + "': dimse_retrieve_mode = \"move\" without"
                        + " incoming_store_port: HTTP requests move to move_destination; DICOM callers' retrieves"
                        + " are C-GETs");
            }
            return null;
        }
        int port = (int) options.integer("incoming_store_port", 0, 1, 65_535);
        if (mode.equals("get")) {
            options.problem("incoming_store_port", "needs dimse_retrieve_mode = \"move\" or \"get_or_move\" (the"
                    + " PACS moves to this port; in get mode nothing listens there)");
            return null;
        }
        return new IncomingStore(bindAddress, port);
    }

    private static void warnAboutUnusedOptions(String backend, Options options) {
        for (String key : RUST_ONLY_KEYS) {
            if (options.has(key)) {
                LOG.log(Level.WARNING, () -> "backend '" + backend + "': " + key + " is ignored: the store SCP of"
                        + " incoming_store_port runs while the backend does and relays what it receives");
            }
        }
    }

    /** The TLS context {@code use_tls} asks for; every problem with the stores is reported, never a password. */
    private static DicomTls tls(Options options) {
        boolean useTls = options.bool("use_tls", false);
        if (!useTls) {
            TLS_KEYS.stream().filter(options::has).forEach(key -> options.problem(key, "needs use_tls = true"));
            return null;
        }
        Path keyStore = storeFile(options, "tls_key_store");
        Path trustStore = storeFile(options, "tls_trust_store");
        if (trustStore == null) {
            if (!options.has("tls_trust_store")) {
                options.problem("tls_trust_store", "required when use_tls = true (the certificates to trust)");
            }
            return null;
        }
        String type = trustStore.getFileName().toString().endsWith(".jks") ? "JKS" : "PKCS12";
        try {
            return DicomTls.of(new TlsConfig(keyStore, password(options, "tls_key_store_password"), trustStore,
                    password(options, "tls_trust_store_password"), type, TlsConfig.DEFAULT_PROTOCOLS, false));
        } catch (IOException | GeneralSecurityException e) {
            options.problem("use_tls", "cannot load the TLS stores: " + e.getMessage());
            return null;
        }
    }

    private static Path storeFile(Options options, String key) {
        Optional<Path> file = options.path(key);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            options.problem(key, "no such file: " + file.get());
            return null;
        }
        return file.orElse(null);
    }

    private static char[] password(Options options, String key) {
        return options.string(key).orElse("").toCharArray();
    }
}
