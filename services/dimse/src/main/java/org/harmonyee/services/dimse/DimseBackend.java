package org.harmonyee.services.dimse;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.health.ActiveHealthCheck;
import org.harmonyee.core.health.HealthSettings;
import org.harmonyee.core.health.Strategy;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.health.TargetPools;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.runtime.BuildContext;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Service {@code dicom} (also {@code dicom_scu}): a DICOM SCU calling a PACS, at {@code aet},
 * {@code host}, {@code port} or one of {@code targets}. A request from a DICOM door (metadata
 * {@code protocol = dimse}) is performed as the DIMSE operation it names and answered in the
 * envelope convention of {@link DimseRequests}; any other request is an HTTP-door call answered in
 * the Rust Harmony's JSON shapes. Each request runs on an association of its own, newly opened or
 * kept idle from an earlier request ({@code max_pooled_associations}); closing the backend releases
 * the idle ones.
 */
public final class DimseBackend implements Backend {

    public static final String SERVICE = "dicom";
    public static final String SCU_SERVICE = "dicom_scu";

    private static final System.Logger LOG = System.getLogger(DimseBackend.class.getName());

    private final String name;
    private final String service;
    private final TargetPool pool;
    private final ActiveHealthCheck healthCheck;
    private final AssociationPool associations;
    private final MoveDestinationScp moveDestination;
    private final ScuOperations operations;
    private final DimseDoorRequests dimseDoor;
    private final HttpDoorRequests httpDoor;

    private DimseBackend(String name, String service, TargetPool pool, DimseBackendConfig config, ScuSettings scu,
                         MoveDestinationScp moveDestination, BuildContext context) {
        this.name = name;
        this.service = service;
        this.pool = pool;
        this.moveDestination = moveDestination;
        this.associations = new AssociationPool(name, config.maxPooledAssociations(), config.poolIdleTimeout(),
                scu.executor(), context.scheduler());
        this.operations = new ScuOperations(name, new ScuConnector(name, pool, scu.client(), associations),
                scu.executor(), moveDestination, config.moveWhenGetRefused());
        this.dimseDoor = new DimseDoorRequests(operations);
        this.httpDoor = new HttpDoorRequests(operations, config, new RetrieveFolders(context.storagePath()));
        this.healthCheck = ActiveHealthCheck.start(name, pool, context.scheduler(), context.clock());
    }

    public static DimseBackend create(ComponentConfig config, Options options, BuildContext context) {
        DimseBackend backend = build(config, options, context, scu -> TargetPools.build(config.name(), options,
                context.config().targets(), context.clock(), new DicomTargets(scu)));
        if (options.has("targets")) {
            List.of("aet", "port").stream().filter(options::has)
                    .forEach(key -> options.problem(key, "set either " + key + " or targets, not both"));
        }
        return backend;
    }

    /**
     * A backend whose one target is {@code address} ({@code dicom://AET@host:port}) whatever its
     * options say, unprobed: {@code mock_dicom} calling its own PACS.
     */
    static DimseBackend calling(URI address, ComponentConfig config, Options options, BuildContext context) {
        return build(config, options, context, scu -> new TargetPool(config.name(), List.of(new Target(config.name(),
                address, 1, HealthSettings.passive(), null)), Strategy.FAILOVER, 0, Duration.ZERO, context.clock()));
    }

    private static DimseBackend build(ComponentConfig config, Options options, BuildContext context,
                                      Function<ScuSettings, TargetPool> targets) {
        DimseBackendConfig settings = DimseBackendConfig.read(config.name(), options);
        Executor executor = context.executor() != null ? context.executor() : daemonThreads(config.name());
        ScuSettings scu = new ScuSettings(settings.localAet(), settings.associationSettings(), executor, settings.tls());
        TargetPool pool = targets.apply(scu);
        return new DimseBackend(config.name(), config.type(), pool, settings, scu,
                moveDestination(config.name(), settings, pool, scu, options, context), context);
    }

    /**
     * The store SCP the PACS moves to in move mode, listening while the backend runs; none when
     * the configuration is only validated (no scheduler: a running gateway may hold the port).
     */
    private static MoveDestinationScp moveDestination(String backend, DimseBackendConfig settings, TargetPool pool,
                                                      ScuSettings scu, Options options, BuildContext context) {
        DimseBackendConfig.IncomingStore store = settings.incomingStore();
        if (store == null || context.scheduler() == null) {
            return null;
        }
        Set<String> pacs = pool.targets().stream().map(target -> DicomTargets.remote(target.url()).aeTitle())
                .collect(Collectors.toSet());
        try {
            MoveDestinationScp scp = MoveDestinationScp.start(backend, settings.localAet(), store.bindAddress(),
                    store.port(), pacs, settings.associationSettings(), scu.executor());
            LOG.log(Level.INFO, () -> "backend '" + backend + "': retrieves by C-MOVE to " + settings.localAet()
                    + " on " + store.bindAddress() + ":" + scp.port() + " (from " + pacs + ")");
            return scp;
        } catch (IOException e) {
            options.problem("incoming_store_port", "cannot listen on " + store.bindAddress() + ":" + store.port()
                    + ": " + e.getMessage());
            return null;
        }
    }

    /** Without a server's executor (a test, a configuration only validated): a daemon thread per task. */
    private static Executor daemonThreads(String backend) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "harmony-dimse-" + backend + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public Optional<TargetPool> targets() {
        return Optional.of(pool);
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        return DimseRequests.isDimse(request) ? dimseDoor.handle(request) : httpDoor.handle(request);
    }

    /** The idle associations, for tests that watch their reuse. */
    AssociationPool associations() {
        return associations;
    }

    /** The operations themselves, for tests that watch a C-GET's hand-off. */
    ScuOperations operations() {
        return operations;
    }

    @Override
    public void close() {
        healthCheck.close();
        associations.close();
        if (moveDestination != null) {
            moveDestination.close();
        }
    }
}
