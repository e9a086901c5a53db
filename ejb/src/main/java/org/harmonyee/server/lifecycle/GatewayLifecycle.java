package org.harmonyee.server.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Assembles the gateway when the application starts and closes it when it stops. An invalid
 * configuration fails the deployment with every problem in the log: the gateway never serves a
 * configuration it could not fully build.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GatewayLifecycle {

    private static final System.Logger LOG = System.getLogger(GatewayLifecycle.class.getName());

    @Inject
    @ConfigProperty(name = "harmony.config")
    Optional<String> configPath;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile GatewayRuntime runtime;

    @PostConstruct
    void start() {
        Path file = Path.of(configPath.orElseThrow(() -> new IllegalStateException(
                "no configuration: set the MicroProfile Config property harmony.config "
                        + "(or the environment variable HARMONY_CONFIG) to the path of config.toml")));
        try {
            GatewayRuntime assembled = GatewayAssembler.readAndAssemble(file,
                    ServiceCatalog.standard(getClass().getClassLoader()), this::buildContext);
            StartupReport.log(assembled);
            runtime = assembled;
            LOG.log(Level.INFO, () -> "Harmony EE started: " + assembled.pipelines().size() + " pipelines");
        } catch (ConfigException e) {
            LOG.log(Level.ERROR, file.toAbsolutePath() + ": " + e.getMessage());
            throw e;
        }
    }

    private BuildContext buildContext(GatewayConfig config) {
        LogLevels.apply(config);
        return new BuildContext(config, executor, scheduler, Clock.systemUTC(), ServerInfo.describe());
    }

    @PreDestroy
    void stop() {
        GatewayRuntime current = runtime;
        runtime = null;
        if (current != null) {
            current.close();
            LOG.log(Level.INFO, "Harmony EE stopped");
        }
    }

    /** The running gateway. */
    public GatewayRuntime runtime() {
        GatewayRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("the gateway is not running");
        }
        return current;
    }
}
