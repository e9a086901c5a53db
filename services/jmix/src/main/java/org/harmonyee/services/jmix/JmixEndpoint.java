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
 * {@code skip_hashing}, {@code skip_listing} (default false).
 */
public final class JmixEndpoint extends PathPrefixEndpoint {

    public static final String SERVICE = "jmix";
    static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST");

    /** Request metadata the endpoint sets for the builder. */
    static final String STORE_DIR = "jmix.store_dir";
    static final String SKIP_HASHING = "jmix.skip_hashing";
    static final String SKIP_LISTING = "jmix.skip_listing";

    private final Path storeDir;
    private final boolean skipHashing;
    private final boolean skipListing;

    JmixEndpoint(String name, String prefix, Path storeDir, boolean skipHashing, boolean skipListing) {
        super(name, SERVICE, new RouteSpec(prefix, METHODS), null);
        this.storeDir = storeDir;
        this.skipHashing = skipHashing;
        this.skipListing = skipListing;
    }

    public static JmixEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        return new JmixEndpoint(config.name(), PathPrefix.read(options), storeDir(options, context),
                options.bool("skip_hashing", false), options.bool("skip_listing", false));
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
    }
}
