package org.harmonyee.core.health;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** How a target is chosen among the up ones. */
public enum Strategy {

    /** Each up target in turn, weights ignored. */
    ROUND_ROBIN,
    /** Smooth weighted round robin: over any window, each up target gets its share of the weights. */
    WEIGHTED,
    /** The first up target in the listed order. */
    FAILOVER;

    public static Strategy parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Chooses among {@code candidates} (non-empty, all up); {@code turn} counts round-robin turns. */
    Target choose(List<Target> candidates, AtomicLong turn) {
        return switch (this) {
            case FAILOVER -> candidates.get(0);
            case ROUND_ROBIN -> candidates.get((int) Math.floorMod(turn.getAndIncrement(), candidates.size()));
            case WEIGHTED -> smoothWeighted(candidates);
        };
    }

    /** nginx's smooth weighted round robin: deterministic, and spreads a heavy target's turns out. */
    private static Target smoothWeighted(List<Target> candidates) {
        synchronized (Strategy.class) {
            int total = 0;
            Target best = null;
            for (Target target : candidates) {
                target.currentWeight += target.weight();
                total += target.weight();
                if (best == null || target.currentWeight > best.currentWeight) {
                    best = target;
                }
            }
            best.currentWeight -= total;
            return best;
        }
    }
}
