package org.harmonyee.core.balancing;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.config.Problems;
import org.harmonyee.core.runtime.BuildContext;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds a backend's target pool from its options: either {@code targets = [...]} naming
 * {@code [targets.NAME]} tables (url, weight, health_*) with {@code strategy}, {@code max_failures}
 * and {@code cooldown_ms}, or a single {@code base_url} (no health tracking: a dead server is 502).
 */
public final class TargetPools {

    public static final int DEFAULT_MAX_FAILURES = 3;
    public static final int DEFAULT_COOLDOWN_MS = 10_000;

    private TargetPools() {
    }

    public static TargetPool build(String backend, Options options, BuildContext context) {
        if (!options.has("targets")) {
            URI base = options.httpUrl("base_url");
            return new TargetPool(backend, List.of(new Target(backend, base, 1, none())), Strategy.FAILOVER, 0,
                    Duration.ZERO, context.clock());
        }
        if (options.has("base_url")) {
            options.problem("base_url", "set either base_url or targets, not both");
        }
        String strategyName = options.oneOf("strategy", Strategy.ROUND_ROBIN.key(),
                Set.of(Strategy.ROUND_ROBIN.key(), Strategy.WEIGHTED.key(), Strategy.FAILOVER.key()));
        int maxFailures = (int) options.integer("max_failures", DEFAULT_MAX_FAILURES, 1, 1_000);
        long cooldown = options.integer("cooldown_ms", DEFAULT_COOLDOWN_MS, 1, 86_400_000);
        List<Target> targets = new ArrayList<>();
        for (String name : options.strings("targets")) {
            ComponentConfig table = context.config().targets().get(name);
            if (table == null) {
                options.problem("targets", "no [targets." + name + "] is defined");
                continue;
            }
            targets.add(target(table, options.problems()));
        }
        if (targets.isEmpty() && options.strings("targets").isEmpty()) {
            options.problem("targets", "must name at least one target");
        }
        return new TargetPool(backend, targets, Strategy.parse(strategyName), maxFailures, Duration.ofMillis(cooldown),
                context.clock());
    }

    private static Target target(ComponentConfig table, Problems problems) {
        Options options = table.options(problems);
        URI url = options.httpUrl("url");
        int weight = (int) options.integer("weight", 1, 1, 1_000);
        String path = options.string("health_check_path").orElse(null);
        if (path != null && !path.startsWith("/")) {
            options.problem("health_check_path", "must start with '/', got '" + path + "'");
        }
        HealthSettings health = new HealthSettings(path,
                Duration.ofMillis(options.integer("health_check_interval_ms", 5_000, 100, 3_600_000)),
                (int) options.integer("health_check_expected_status", 200, 100, 599),
                (int) options.integer("healthy_threshold", 2, 1, 100),
                (int) options.integer("unhealthy_threshold", 3, 1, 100),
                Duration.ofMillis(options.integer("health_check_timeout_ms", 2_000, 1, 600_000)));
        return new Target(table.name(), url, weight, health);
    }

    private static HealthSettings none() {
        return new HealthSettings(null, Duration.ZERO, 200, 1, 1, Duration.ZERO);
    }
}
