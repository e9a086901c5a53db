package org.harmonyee.core.health;

import java.time.Duration;

/**
 * One active check of one target, as its backend's protocol performs it: an HTTP GET of a health
 * path, a DICOM C-ECHO. Built once per target from its {@code [targets.NAME]} table by the
 * backend's {@link TargetProtocol}; called on the server's scheduler, never on a request thread.
 */
@FunctionalInterface
public interface Probe {

    /**
     * Checks the target once.
     *
     * @param timeout how long the check may take in all
     * @return null when the target is healthy, otherwise what went wrong, for the management API and
     *         the log (never a stack trace)
     * @throws InterruptedException when the scheduler is shutting down
     */
    String check(Duration timeout) throws InterruptedException;
}
