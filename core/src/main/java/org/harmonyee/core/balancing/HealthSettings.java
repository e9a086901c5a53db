package org.harmonyee.core.balancing;

import java.time.Duration;

/**
 * Active health checking of one target: every {@code interval}, GET {@code path}; a target turns
 * down after {@code unhealthyThreshold} failed checks in a row and up after {@code healthyThreshold}
 * good ones. A null {@code path} means no active checks.
 */
public record HealthSettings(String path, Duration interval, int expectedStatus, int healthyThreshold,
                             int unhealthyThreshold, Duration timeout) {

    public boolean active() {
        return path != null;
    }
}
