package org.harmonyee.services.jmix;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.endpoint.PathPrefix;
import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

import java.nio.file.Path;
import java.util.Set;

/**
 * Service {@code jmix}: the HTTP door of a JMIX pipeline, serving {@code path_prefix} and
 * everything under it with GET, HEAD, OPTIONS and POST. Bodies are not parsed (an upload streams
 * to the store). It tells the pipeline's {@code jmix_builder} its package store and skip flags
 * through request metadata; what the routes mean is the builder's business.
 *
 * <p>Options: {@code path_prefix} (required), {@code store_dir} (default {@code <storage>/jmix-store}),
 * {@code skip_hashing}, {@code skip_listing} (default false), and the store's retention:
 * {@code max_age} (seconds a package is kept) and {@code max_bytes} (what all packages may take),
 * 0 (the default) for no limit.
 */
public final class JmixEndpoint extends PathPrefixEndpoint {

    public static final String SERVICE = "jmix";
    static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST");

    /** Request metadata the endpoint sets for the builder. */
    static final String STORE_DIR = "jmix.store_dir";
    static final String SKIP_HASHING = "jmix.skip_hashing";
    static final String SKIP_LISTING = "jmix.skip_listing";
    static final String MAX_AGE = "jmix.max_age";
    static final String MAX_BYTES = "jmix.max_bytes";

    private final Path storeDir;
    private final boolean skipHashing;
    private final boolean skipListing;
    private final long maxAgeSeconds;
    private final long maxBytes;

    JmixEndpoint(String name, String prefix, Path storeDir, boolean skipHashing, boolean skipListing, long maxAgeSeconds,
                 long maxBytes) {
        super(name, SERVICE, new RouteSpec(prefix, METHODS), null);
        this.storeDir = storeDir;
        this.skipHashing = skipHashing;
        this.skipListing = skipListing;
        this.maxAgeSeconds = maxAgeSeconds;
        this.maxBytes = maxBytes;
    }

    public static JmixEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        return new JmixEndpoint(config.name(), PathPrefix.read(options), storeDir(options, context),
                options.bool("skip_hashing", false), options.bool("skip_listing", false),
                options.integer("max_age", 0, 0, Long.MAX_VALUE), options.integer("max_bytes", 0, 0, Long.MAX_VALUE));
    }

    /** {@code store_dir}, else {@code <storage>/jmix-store}: the one place this default lives. */
    static Path storeDir(Options options, BuildContext context) {
        return options.path("store_dir").orElse(context.storagePath().resolve("jmix-store")).toAbsolutePath().normalize();
    }

    @Override
    public void prepare(RequestEnvelope request) {
        super.prepare(request);
        request.metadata().put(STORE_DIR, storeDir.toString());
        request.metadata().put(SKIP_HASHING, String.valueOf(skipHashing));
        request.metadata().put(SKIP_LISTING, String.valueOf(skipListing));
        request.metadata().put(MAX_AGE, String.valueOf(maxAgeSeconds));
        request.metadata().put(MAX_BYTES, String.valueOf(maxBytes));
    }
}
