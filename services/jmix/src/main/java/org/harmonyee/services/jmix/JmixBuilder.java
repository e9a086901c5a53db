package org.harmonyee.services.jmix;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.services.jmix.crypto.KeyFiles;
import org.harmonyee.services.jmix.crypto.ManifestSignature;
import org.harmonyee.services.jmix.format.BuildOptions;
import org.harmonyee.services.jmix.format.JmixEntity;
import org.harmonyee.services.jmix.format.PackageIdentity;
import org.harmonyee.services.jmix.format.PackageSecurity;
import org.harmonyee.services.jmix.format.UploadLimits;
import org.harmonyee.services.jmix.format.UploadValidator;
import org.harmonyee.services.jmix.store.MemoryIndex;
import org.harmonyee.services.jmix.store.PackageIndex;
import org.harmonyee.services.jmix.store.PackageStore;
import org.harmonyee.services.jmix.store.Retention;
import org.harmonyee.services.jmix.store.StoredPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Middleware {@code jmix_builder}: the JMIX routes behind a {@code jmix} endpoint. It serves stored
 * packages and their manifests, takes uploads ({@link Uploads}), and answers a study query with the
 * study's newest package, or builds one through the rest of the pipeline, whose backend is a
 * {@code dicom} backend ({@link StudyBuilds}). The package store is the endpoint's
 * {@code store_dir} (request metadata), else {@code <storage>/jmix-store}. The index of every
 * store is the host's {@link PackageIndex} when it offers one (the server's database), else a
 * {@link MemoryIndex}.
 *
 * <p>Options: {@code sender_id} (default {@code org:harmony-ee}), {@code sender_name} (default
 * {@code Harmony EE}), {@code receiver_id} and {@code receiver_name} (default: a receiver named
 * after the requesting client, {@code client:<address>}), {@code skip_hashing} and
 * {@code skip_listing} (either the endpoint's or the builder's asks to skip; the study query's
 * parameters of the same names, {@code true} or {@code false}, decide for that request),
 * {@code max_upload_bytes} (default 2 GiB), {@code encrypt_for} (a PEM X25519 public key: packages
 * are encrypted for that recipient) and {@code sign_with} (a PEM PKCS#8 Ed25519 private key: the
 * manifest is signed), both paths relative to the configuration's folder.
 */
public final class JmixBuilder implements Middleware {

    public static final String TYPE = "jmix_builder";
    static final String STUDY_INSTANCE_UID = "studyInstanceUid";
    private static final String ALLOW_COLLECTION = "GET, HEAD, OPTIONS, POST";
    private static final String ALLOW_PACKAGE = "GET, HEAD, OPTIONS";

    private final JmixEntity sender;
    private final JmixEntity receiver;
    private final boolean skipHashing;
    private final boolean skipListing;
    private final Path defaultStore;
    private final Clock clock;
    private final Uploads uploads;
    private final StudyBuilds builds;
    private final PackageIndex index;
    private final Map<Path, PackageStore> stores = new ConcurrentHashMap<>();
    private final PackageSecurity security;

    private JmixBuilder(Options options, BuildContext context) {
        this.sender = new JmixEntity(options.string("sender_id", "org:harmony-ee"), options.string("sender_name", "Harmony EE"));
        String receiverId = options.string("receiver_id", "");
        this.receiver = receiverId.isBlank() ? null : new JmixEntity(receiverId, options.string("receiver_name").orElse(null));
        this.skipHashing = options.bool("skip_hashing", false);
        this.skipListing = options.bool("skip_listing", false);
        this.defaultStore = JmixEndpoint.storeDir(options, context);
        this.clock = context.clock();
        this.index = context.hostService(PackageIndex.class).orElseGet(MemoryIndex::new);
        long maxUpload = options.integer("max_upload_bytes", 2L << 30, 1, Long.MAX_VALUE);
        this.uploads = new Uploads(new UploadValidator(UploadLimits.DEFAULTS, context.clock()), maxUpload);
        this.builds = new StudyBuilds(context.clock());
        this.security = new PackageSecurity(encryptFor(options), signer(options));
    }

    /** {@code encrypt_for}: the recipient's X25519 public key (PEM), or null. */
    private static PublicKey encryptFor(Options options) {
        Optional<Path> file = options.path("encrypt_for");
        if (file.isEmpty()) {
            return null;
        }
        try {
            return KeyFiles.publicKey(file.get(), "X25519");
        } catch (KeyFiles.BadKeyFile e) {
            options.problem("encrypt_for", "key file " + file.get() + " " + e.getMessage());
            return null;
        }
    }

    /** {@code sign_with}: the sender's Ed25519 private key (PEM, PKCS#8), or null. */
    private static ManifestSignature signer(Options options) {
        Optional<Path> file = options.path("sign_with");
        if (file.isEmpty()) {
            return null;
        }
        try {
            return new ManifestSignature(KeyFiles.privateKey(file.get(), "Ed25519"));
        } catch (KeyFiles.BadKeyFile | GeneralSecurityException e) {
            options.problem("sign_with", "key file " + file.get() + " " + e.getMessage());
            return null;
        }
    }

    public static JmixBuilder create(ComponentConfig config, Options options, BuildContext context) {
        return new JmixBuilder(options, context);
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        JmixResource resource = JmixResource.of(request.path());
        String allow = resource.kind() == JmixResource.Kind.COLLECTION ? ALLOW_COLLECTION : ALLOW_PACKAGE;
        return switch (request.method()) {
            case "OPTIONS" -> new ResponseEnvelope(200, new Headers().set("Allow", allow), Body.empty());
            case "GET", "HEAD" -> switch (resource.kind()) {
                case PACKAGE -> PackageAnswers.content(request, stored(request, resource.id()));
                case MANIFEST -> PackageAnswers.manifest(request, stored(request, resource.id()));
                case COLLECTION -> study(request, next);
            };
            case "POST" -> {
                if (resource.kind() != JmixResource.Kind.COLLECTION) {
                    throw notAllowed(request, allow);
                }
                yield uploads.upload(request, store(request));
            }
            default -> throw notAllowed(request, allow);
        };
    }

    private ResponseEnvelope study(RequestEnvelope request, Chain next) {
        List<String> uids = request.query().get(STUDY_INSTANCE_UID);
        if (uids == null || uids.isEmpty() || uids.get(0).isBlank()) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "missing studyInstanceUid: GET "
                    + request.fullPath() + "?studyInstanceUid=<StudyInstanceUID>");
        }
        String study = uids.get(0).strip();
        if (!study.matches("[0-9]+(\\.[0-9]+)*") || study.length() > 64) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "studyInstanceUid is not a UID: '" + study + "'");
        }
        PackageAnswers.requireAccepted(request);
        PackageStore store = store(request);
        StoredPackage stored = store.byStudy(study)
                .orElseGet(() -> builds.packageOf(study, store, buildOptions(request), request, next));
        return PackageAnswers.content(request, stored);
    }

    private StoredPackage stored(RequestEnvelope request, String id) {
        return store(request).byId(id).orElseThrow(() -> new GatewayException(ProblemType.NOT_FOUND,
                "no JMIX package " + id));
    }

    private BuildOptions buildOptions(RequestEnvelope request) {
        JmixEntity to = receiver != null ? receiver : new JmixEntity("client:"
                + request.metadata().getOrDefault(MetadataKeys.CLIENT_ADDRESS, "unknown"), null);
        return new BuildOptions(new PackageIdentity(sender, null, List.of(to)),
                flag(request, "skip_hashing", JmixEndpoint.SKIP_HASHING, skipHashing),
                flag(request, "skip_listing", JmixEndpoint.SKIP_LISTING, skipListing), security);
    }

    /** The query parameter when it says {@code true} or {@code false}; else the endpoint's or the builder's. */
    private static boolean flag(RequestEnvelope request, String parameter, String metadataKey, boolean builder) {
        List<String> values = request.query().get(parameter);
        if (values != null && !values.isEmpty() && (values.get(0).equals("true") || values.get(0).equals("false"))) {
            return Boolean.parseBoolean(values.get(0));
        }
        return builder || Boolean.parseBoolean(request.metadata().get(metadataKey));
    }

    /** The endpoint's store, opened with its retention on first use; {@code <storage>/jmix-store} behind another endpoint. */
    private PackageStore store(RequestEnvelope request) {
        String dir = request.metadata().get(JmixEndpoint.STORE_DIR);
        Path path = dir == null ? defaultStore : Path.of(dir);
        long maxAge = Long.parseLong(request.metadata().getOrDefault(JmixEndpoint.MAX_AGE, "0"));
        long maxBytes = Long.parseLong(request.metadata().getOrDefault(JmixEndpoint.MAX_BYTES, "0"));
        return stores.computeIfAbsent(path, directory -> open(directory,
                new Retention(maxAge == 0 ? null : Duration.ofSeconds(maxAge), maxBytes)));
    }

    private PackageStore open(Path directory, Retention retention) {
        try {
            return PackageStore.open(directory, index, clock, retention);
        } catch (IOException e) {
            throw new UncheckedIOException("JMIX store " + directory + " cannot be opened", e);
        }
    }

    private static GatewayException notAllowed(RequestEnvelope request, String allow) {
        return new GatewayException(ProblemType.METHOD_NOT_ALLOWED, request.method() + " is not allowed on "
                + request.fullPath() + "; allowed: " + allow).withHeader("Allow", allow);
    }
}
