package org.harmonyee.core.health;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs each actively checked target's {@link Probe} on the server's scheduler. A target turns
 * down after its unhealthy threshold of failed checks and up after its healthy threshold of good
 * ones. The probe is the backend's (HTTP GET, C-ECHO); this class only keeps time and score.
 */
public final class ActiveHealthCheck implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ActiveHealthCheck.class.getName());

    private final String backend;
    private final Clock clock;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    public ActiveHealthCheck(String backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /**
     * Starts checking every target of the pool that has a probe; does nothing without a scheduler
     * (a configuration being only validated).
     */
    public static ActiveHealthCheck start(String backend, TargetPool pool, ScheduledExecutorService scheduler,
                                          Clock clock) {
        ActiveHealthCheck check = new ActiveHealthCheck(backend, clock);
        if (scheduler != null) {
            for (Target target : pool.targets()) {
                if (target.activelyChecked()) {
                    long interval = target.health().interval().toMillis();
                    check.schedules.add(scheduler.scheduleWithFixedDelay(() -> check.check(target), 0, interval,
                            TimeUnit.MILLISECONDS));
                }
            }
        }
        return check;
    }

    void check(Target target) {
        String error;
        try {
            error = target.probe().check(target.health().timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            error = "health check failed: " + e;
        }
        record(target, error);
    }

    private void record(Target target, String error) {
        HealthSettings health = target.health();
        target.checked(clock.instant());
        if (error == null) {
            if (target.succeeded(health.healthyThreshold())) {
                LOG.log(Level.INFO, () -> "backend '" + backend + "': target " + target
                        + " passed its health checks, up again");
            }
        } else if (target.failed(error, health.unhealthyThreshold(), clock.instant().plus(health.interval()))) {
            String reason = error;
            LOG.log(Level.WARNING, () -> "backend '" + backend + "': target " + target + " is down: " + reason);
        }
    }

    @Override
    public void close() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }
}
