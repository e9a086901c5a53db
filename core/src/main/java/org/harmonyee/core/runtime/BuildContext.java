package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.config.GatewayConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What services may use while they are built: the configuration, the executor their I/O runs on
 * and the scheduler for periodic work (the server's managed executors on an application server;
 * a null scheduler means nothing periodic runs, as when a configuration is only validated), a
 * clock, and the name of the server.
 */
public record BuildContext(GatewayConfig config, Executor executor, ScheduledExecutorService scheduler, Clock clock,
                           String serverInfo) {

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
