package org.harmonyee.core.health;

import java.time.Duration;

/**
 * Active health checking of one target: every {@code interval}, its {@link Probe} runs within
 * {@code timeout}; a target turns down after {@code unhealthyThreshold} failed checks in a row and
 * up after {@code healthyThreshold} good ones.
 */
public record HealthSettings(Duration interval, int healthyThreshold, int unhealthyThreshold, Duration timeout) {

    /** The settings of a target that is never actively checked. */
    public static HealthSettings passive() {
        return new HealthSettings(Duration.ZERO, 1, 1, Duration.ZERO);
    }
}
