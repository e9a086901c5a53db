package org.harmonyee.core.runtime;

import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.config.GatewayConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What services may use while they are built: the configuration, the executor their I/O runs on
 * (the server's managed executor on an application server), and a clock.
 */
public record BuildContext(GatewayConfig config, Executor executor, Clock clock, String serverInfo) {

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
