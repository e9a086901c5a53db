package org.harmonyee.dicom.net.association;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The timers of an established association, checked every 100 ms against the time of its last
 * activity: ARTIM after an A-RELEASE-RQ, the DIMSE response timeout while a response is
 * outstanding, the idle timeout otherwise. Expiry aborts the association, which ends its reader.
 * One daemon thread serves all associations and goes away when none is open.
 */
final class AssociationTimer {

    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private final Association association;
    private final long artim;
    private final long dimse;
    private final long idle;
    private volatile long lastActivity = System.nanoTime();
    private final ScheduledFuture<?> check;

    AssociationTimer(Association association, Timeouts timeouts) {
        this.association = association;
        this.artim = timeouts.artim().toNanos();
        this.dimse = timeouts.dimseResponse().toNanos();
        this.idle = timeouts.idle().toNanos();
        this.check = SCHEDULER.scheduleWithFixedDelay(this::check, 100, 100, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "dicom-association-timer");
            thread.setDaemon(true);
            return thread;
        };
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, factory);
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setKeepAliveTime(1, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        return scheduler;
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    void cancel() {
        check.cancel(false);
    }

    private void check() {
        long silent = System.nanoTime() - lastActivity;
        if (association.releaseRequested()) {
            expire(artim, silent, "ARTIM expired waiting for the A-RELEASE-RP");
        } else if (association.hasOutstanding()) {
            expire(dimse, silent, "no DIMSE response within the DIMSE timeout");
        } else if (!association.isBusy()) {
            expire(idle, silent, "idle timeout");
        }
    }

    private void expire(long limit, long silent, String reason) {
        if (limit > 0 && silent > limit) {
            association.expire(reason + " (" + TimeUnit.NANOSECONDS.toMillis(limit) + " ms)");
        }
    }
}
