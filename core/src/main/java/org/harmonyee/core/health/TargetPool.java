package org.harmonyee.core.health;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The targets of one backend and the rule for choosing among them. Passive health: after
 * {@code maxFailures} consecutive connection failures a target is down for {@code cooldown}, then
 * one request may try it again. Targets with active checks come back only through their checks.
 */
public final class TargetPool {

    private static final System.Logger LOG = System.getLogger(TargetPool.class.getName());

    private final String backend;
    private final List<Target> targets;
    private final Strategy strategy;
    private final int maxFailures;
    private final Duration cooldown;
    private final Clock clock;
    private final AtomicLong turn = new AtomicLong();

    public TargetPool(String backend, List<Target> targets, Strategy strategy, int maxFailures, Duration cooldown,
                      Clock clock) {
        this.backend = backend;
        this.targets = List.copyOf(targets);
        this.strategy = strategy;
        this.maxFailures = maxFailures;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    public List<Target> targets() {
        return targets;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Whether health is tracked at all (a single base_url without targets is not). */
    public boolean tracksHealth() {
        return maxFailures > 0;
    }

    /**
     * The target for the next attempt, among those not yet {@code tried} in this exchange.
     *
     * @throws GatewayException 503 with Retry-After when every target is down
     */
    public Target choose(Set<Target> tried) {
        Instant now = clock.instant();
        List<Target> up = targets.stream().filter(t -> !tried.contains(t) && t.isUp(now)).toList();
        if (!up.isEmpty()) {
            return strategy.choose(up, turn);
        }
        long retryAfter = targets.stream().map(Target::retryAt).filter(at -> at.isAfter(now))
                .min(Comparator.naturalOrder()).map(at -> Duration.between(now, at).toSeconds() + 1).orElse(1L);
        throw new GatewayException(ProblemType.BACKEND_UNAVAILABLE, "every target of backend '" + backend
                + "' is down").withHeader("Retry-After", String.valueOf(retryAfter));
    }

    /** Whether another target could be tried after {@code tried}. */
    public boolean hasUntried(Set<Target> tried) {
        Instant now = clock.instant();
        return targets.stream().anyMatch(t -> !tried.contains(t) && t.isUp(now));
    }

    public void succeeded(Target target) {
        if (tracksHealth() && target.succeeded(1)) {
            LOG.log(Level.INFO, () -> "backend '" + backend + "': target " + target + " is up again");
        }
    }

    public void connectionFailed(Target target, String error) {
        if (tracksHealth() && target.failed(error, maxFailures, clock.instant().plus(cooldown))) {
            LOG.log(Level.WARNING, () -> "backend '" + backend + "': target " + target + " is down after " + maxFailures
                    + " connection failures (" + error + "); retried after " + cooldown.toSeconds() + " s");
        }
    }
}
