package org.harmonyee.core.health;

import java.net.URI;
import java.time.Instant;

/**
 * One server behind a backend, with its health state. Its address is a URI in the backend's own
 * scheme ({@code http://host:port/base}, {@code dicom://AET@host:port}). State changes are synchronized on the
 * target; reads for selection take a consistent snapshot through {@link #isUp(Instant)}.
 */
public final class Target {

    private final String name;
    private final URI url;
    private final int weight;
    private final HealthSettings health;
    private final Probe probe;

    /** Smooth weighted round robin's running weight; guarded by the Strategy class lock. */
    int currentWeight;

    private boolean down;
    private Instant retryAt = Instant.MIN;
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private String lastError;
    private Instant lastChecked;

    /**
     * @param probe the active check, or null when the target is only watched passively
     */
    public Target(String name, URI url, int weight, HealthSettings health, Probe probe) {
        this.name = name;
        this.url = url;
        this.weight = weight;
        this.health = health;
        this.probe = probe;
    }

    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    public int weight() {
        return weight;
    }

    public HealthSettings health() {
        return health;
    }

    /** Whether a probe checks this target periodically (then only checks bring it back up). */
    public boolean activelyChecked() {
        return probe != null;
    }

    Probe probe() {
        return probe;
    }

    /** Up, or down but past its cool-down (then it may be tried again: half-open). */
    synchronized boolean isUp(Instant now) {
        return !down || (probe == null && now.isAfter(retryAt));
    }

    synchronized boolean isDown() {
        return down;
    }

    synchronized Instant retryAt() {
        return retryAt;
    }

    synchronized String lastError() {
        return lastError;
    }

    synchronized Instant lastChecked() {
        return lastChecked;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Records a good exchange or check; returns true if the target just came back up. */
    synchronized boolean succeeded(int healthyThreshold) {
        consecutiveFailures = 0;
        consecutiveSuccesses++;
        if (down && consecutiveSuccesses >= healthyThreshold) {
            down = false;
            lastError = null;
            return true;
        }
        return false;
    }

    /** Records a failure; returns true if the target just went down. */
    synchronized boolean failed(String error, int unhealthyThreshold, Instant retryAfter) {
        consecutiveSuccesses = 0;
        consecutiveFailures++;
        lastError = error;
        if (down) {
            retryAt = retryAfter;
            return false;
        }
        if (consecutiveFailures >= unhealthyThreshold) {
            down = true;
            retryAt = retryAfter;
            return true;
        }
        return false;
    }

    synchronized void checked(Instant when) {
        lastChecked = when;
    }

    @Override
    public String toString() {
        return name + " (" + url + ")";
    }
}
