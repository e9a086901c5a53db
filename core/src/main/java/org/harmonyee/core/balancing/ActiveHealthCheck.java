package org.harmonyee.core.balancing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Periodic GET of each target's health path on the server's scheduler. A target turns down after
 * its unhealthy threshold of failed checks and up after its healthy threshold of good ones.
 */
public final class ActiveHealthCheck implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ActiveHealthCheck.class.getName());

    private final String backend;
    private final HttpClient client;
    private final Clock clock;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    public ActiveHealthCheck(String backend, HttpClient client, Clock clock) {
        this.backend = backend;
        this.client = client;
        this.clock = clock;
    }

    /** Starts checking every target of the pool that has health settings. */
    public void start(TargetPool pool, ScheduledExecutorService scheduler) {
        for (Target target : pool.targets()) {
            HealthSettings health = target.health();
            if (health.active()) {
                long interval = health.interval().toMillis();
                schedules.add(scheduler.scheduleWithFixedDelay(() -> check(target), 0, interval, TimeUnit.MILLISECONDS));
            }
        }
    }

    void check(Target target) {
        HealthSettings health = target.health();
        URI uri = URI.create(target.url().toString().replaceAll("/+$", "") + health.path());
        String error;
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(health.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == health.expectedStatus()) {
                record(target, null);
                return;
            }
            error = "health check " + uri + " answered " + response.statusCode();
        } catch (IOException e) {
            error = "health check " + uri + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        record(target, error);
    }

    private void record(Target target, String error) {
        HealthSettings health = target.health();
        target.checked(clock.instant());
        if (error == null) {
            if (target.succeeded(health.healthyThreshold())) {
                LOG.info(() -> "backend '" + backend + "': target " + target + " passed its health checks, up again");
            }
        } else if (target.failed(error, health.unhealthyThreshold(), clock.instant().plus(health.interval()))) {
            String reason = error;
            LOG.warning(() -> "backend '" + backend + "': target " + target + " is down: " + reason);
        }
    }

    @Override
    public void close() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }
}
