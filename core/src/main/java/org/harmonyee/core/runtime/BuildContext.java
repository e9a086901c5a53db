package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.config.GatewayConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What services may use while they are built: the configuration, the executor their I/O runs on
 * and the scheduler for periodic work (the server's managed executors on an application server;
 * a null scheduler means nothing periodic runs, as when a configuration is only validated), a
 * clock, the name of the server, and the host's services.
 *
 * <p>Host services are what the hosting server offers a service module through an interface the
 * module itself declares (the {@code jmix} service's package index, kept in the server's database):
 * keyed by that interface, so the core names none of them. A module asks with
 * {@link #hostService(Class)} and falls back to what it does without (a validation run, a test).
 *
 * @param hostServices each value an instance of its key
 */
public record BuildContext(GatewayConfig config, Executor executor, ScheduledExecutorService scheduler, Clock clock,
                           String serverInfo, Map<Class<?>, Object> hostServices) {

    public BuildContext {
        hostServices.forEach((type, service) -> {
            if (!type.isInstance(service)) {
                throw new IllegalArgumentException("host service " + service + " is no " + type.getName());
            }
        });
        hostServices = Map.copyOf(hostServices);
    }

    /** A context without host services. */
    public BuildContext(GatewayConfig config, Executor executor, ScheduledExecutorService scheduler, Clock clock,
                        String serverInfo) {
        this(config, executor, scheduler, clock, serverInfo, Map.of());
    }

    /** The host's implementation of {@code type}, if the host offers one. */
    public <T> Optional<T> hostService(Class<T> type) {
        return Optional.ofNullable(hostServices.get(type)).map(type::cast);
    }

    public ContentLimits contentLimits() {
        return config.proxy().contentLimits();
    }

    public Path transformsPath() {
        return config.proxy().transformsPath();
    }

    public Path storagePath() {
        return config.storage().path();
    }
}
