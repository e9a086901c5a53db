package org.harmonyee.core.health;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.config.Problems;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a backend's target pool from its options: either {@code targets = [...]} naming
 * {@code [targets.NAME]} tables (address, weight, health check thresholds and the protocol's own
 * probe options) with {@code strategy}, {@code max_failures} and {@code cooldown_ms}, or the
 * backend's single address (no health tracking: a dead server is 502). The backend's
 * {@link TargetProtocol} says how addresses are written and targets probed.
 */
public final class TargetPools {

    public static final int DEFAULT_MAX_FAILURES = 3;
    public static final int DEFAULT_COOLDOWN_MS = 10_000;

    private TargetPools() {
    }

    /**
     * @param targets the configuration's {@code [targets.NAME]} tables
     */
    public static TargetPool build(String backend, Options options, Map<String, ComponentConfig> targets,
                                   Clock clock, TargetProtocol protocol) {
        if (!options.has("targets")) {
            URI address = protocol.backendAddress(options);
            return new TargetPool(backend, List.of(new Target(backend, address, 1, HealthSettings.passive(), null)),
                    Strategy.FAILOVER, 0, Duration.ZERO, clock);
        }
        if (options.has(protocol.addressKey())) {
            options.problem(protocol.addressKey(), "set either " + protocol.addressKey() + " or targets, not both");
        }
        String strategyName = options.oneOf("strategy", Strategy.ROUND_ROBIN.key(),
                Set.of(Strategy.ROUND_ROBIN.key(), Strategy.WEIGHTED.key(), Strategy.FAILOVER.key()));
        int maxFailures = (int) options.integer("max_failures", DEFAULT_MAX_FAILURES, 1, 1_000);
        long cooldown = options.integer("cooldown_ms", DEFAULT_COOLDOWN_MS, 1, 86_400_000);
        List<Target> chosen = new ArrayList<>();
        for (String name : options.strings("targets")) {
            ComponentConfig table = targets.get(name);
            if (table == null) {
                options.problem("targets", "no [targets." + name + "] is defined");
                continue;
            }
            chosen.add(target(table, options.problems(), protocol));
        }
        if (chosen.isEmpty() && options.strings("targets").isEmpty()) {
            options.problem("targets", "must name at least one target");
        }
        return new TargetPool(backend, chosen, Strategy.parse(strategyName), maxFailures, Duration.ofMillis(cooldown),
                clock);
    }

    private static Target target(ComponentConfig table, Problems problems, TargetProtocol protocol) {
        Options options = table.options(problems);
        URI address = protocol.targetAddress(options);
        int weight = (int) options.integer("weight", 1, 1, 1_000);
        HealthSettings health = new HealthSettings(
                Duration.ofMillis(options.integer("health_check_interval_ms", 5_000, 100, 3_600_000)),
                (int) options.integer("healthy_threshold", 2, 1, 100),
                (int) options.integer("unhealthy_threshold", 3, 1, 100),
                Duration.ofMillis(options.integer("health_check_timeout_ms", 2_000, 1, 600_000)));
        return new Target(table.name(), address, weight, health, protocol.probe(address, options));
    }
}
