package org.harmonyee.server.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.EJB;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;
import org.harmonyee.services.jmix.store.PackageIndex;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles the gateway when the application starts (handing the services what the server keeps
 * for them: the jmix package index), publishes it in {@link RunningGateway}, and closes it
 * (observers of {@link GatewayStopping} first) when the application stops. An invalid
 * configuration fails the deployment with every problem in the log: the gateway never serves a
 * configuration it could not fully build.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GatewayLifecycle {

    private static final System.Logger LOG = System.getLogger(GatewayLifecycle.class.getName());

    @Inject
    @ConfigProperty(name = "harmony.config")
    Optional<String> configPath;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The jmix service's package index, in the server's database: a host service of the build. */
    @EJB
    PackageIndex packageIndex;

    @Inject
    RunningGateway running;

    /** Tells observers (the tracing, which sends its last spans) that the gateway is stopping. */
    @Inject
    Event<GatewayStopping> stopping;

    /** Tells observers (the metrics, which register their live view) that a gateway was assembled. */
    @Inject
    Event<GatewayRuntime> assemblies;

    @PostConstruct
    void start() {
        Path file = Path.of(configPath.orElseThrow(() -> new IllegalStateException(
                "no configuration: set the MicroProfile Config property harmony.config "
                        + "(or the environment variable HARMONY_CONFIG) to the path of config.toml")));
        try {
            GatewayRuntime assembled = GatewayAssembler.readAndAssemble(file,
                    ServiceCatalog.standard(getClass().getClassLoader()), this::buildContext);
            StartupReport.log(assembled);
            assembled.views().register(AssociationsView.NAME, new AssociationsView());
            assemblies.fire(assembled);
            running.publish(assembled);
            LOG.log(Level.INFO, () -> "Harmony EE started: " + assembled.pipelines().size() + " pipelines");
        } catch (ConfigException e) {
            LOG.log(Level.ERROR, file.toAbsolutePath() + ": " + e.getMessage());
            throw e;
        }
    }

    private BuildContext buildContext(GatewayConfig config) {
        LogLevels.apply(config);
        return new BuildContext(config, executor, scheduler, Clock.systemUTC(), ServerInfo.describe(),
                Map.of(PackageIndex.class, packageIndex));
    }

    @PreDestroy
    void stop() {
        GatewayRuntime current = running.withdraw();
        if (current != null) {
            stopping.fire(new GatewayStopping(current));
            current.close();
            LOG.log(Level.INFO, "Harmony EE stopped");
        }
    }
}
