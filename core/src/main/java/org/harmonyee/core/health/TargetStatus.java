package org.harmonyee.core.health;

import java.time.Instant;

/** A consistent snapshot of a target's health, for the management API and logs. */
public record TargetStatus(boolean down, int consecutiveFailures, String lastError, Instant lastChecked) {

    public static TargetStatus of(Target target) {
        synchronized (target) {
            return new TargetStatus(target.isDown(), target.consecutiveFailures(), target.lastError(),
                    target.lastChecked());
        }
    }
}
