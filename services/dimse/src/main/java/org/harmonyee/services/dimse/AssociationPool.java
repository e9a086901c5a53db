package org.harmonyee.services.dimse;

import org.harmonyee.dicom.net.service.ScuAssociation;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The idle associations of one backend, kept for the next request to the same target that needs
 * the same presentation contexts ({@link Key}). Only an association whose last operation ended
 * with its final response is given back; one that failed, was aborted or was closed by the PACS
 * is never handed out again. At most {@code max} are kept, the most recently used handed out
 * first; one idle longer than {@code idleTimeout} is released (A-RELEASE) by a sweep every
 * second, and {@link #close} releases them all. With {@code max} 0, or no scheduler to sweep with
 * (a configuration only validated), nothing is kept: every request has an association of its own.
 */
final class AssociationPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AssociationPool.class.getName());

    /**
     * What an association can be reused for: the target it goes to and the contexts its operation
     * proposed (for example {@code C-FIND 1.2.840.10008.5.1.4.1.2.2.1}).
     */
    record Key(URI target, String contexts) {
    }

    private record Idle(ScuAssociation association, long since) {
    }

    private final String backend;
    private final int max;
    private final long idleNanos;
    private final Executor releaser;
    private final ScheduledFuture<?> sweep;
    private final Map<Key, Deque<Idle>> idle = new HashMap<>();
    private int count;
    private boolean closed;

    AssociationPool(String backend, int max, Duration idleTimeout, Executor releaser, ScheduledExecutorService scheduler) {
        this.backend = backend;
        this.max = scheduler == null ? 0 : max;
        this.idleNanos = idleTimeout.toNanos();
        this.releaser = releaser;
        this.sweep = this.max == 0 ? null : scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** An idle association for {@code key} that is still open, or null. */
    ScuAssociation take(Key key) {
        List<ScuAssociation> dead = new ArrayList<>();
        ScuAssociation found = null;
        synchronized (this) {
            Deque<Idle> kept = idle.get(key);
            while (found == null && kept != null && !kept.isEmpty()) {
                ScuAssociation association = kept.pop().association();
                count--;
                if (association.isOpen()) {
                    found = association;
                } else {
                    dead.add(association);
                }
            }
        }
        dead.forEach(ScuAssociation::close);
        return found;
    }

    /**
     * Keeps an association whose operation ended well, or releases it at once, on the caller's
     * thread, when it cannot be kept (as every request did before pooling).
     */
    void giveBack(Key key, ScuAssociation association) {
        synchronized (this) {
            if (!closed && count < max && association.isOpen()) {
                idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(new Idle(association, System.nanoTime()));
                count++;
                return;
            }
        }
        association.close();
    }

    /** How many idle associations are kept now. */
    synchronized int idleCount() {
        return count;
    }

    private void sweep() {
        List<ScuAssociation> expired = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            for (Deque<Idle> kept : idle.values()) {
                for (Iterator<Idle> it = kept.iterator(); it.hasNext(); ) {
                    Idle entry = it.next();
                    if (now - entry.since() > idleNanos || !entry.association().isOpen()) {
                        it.remove();
                        count--;
                        expired.add(entry.association());
                    }
                }
            }
        }
        if (!expired.isEmpty()) {
            LOG.log(Level.DEBUG, () -> "backend '" + backend + "': releasing " + expired.size()
                    + " idle association(s)");
            release(expired);
        }
    }

    /** A-RELEASE on the backend's threads, so that a slow PACS does not hold up the sweep. */
    private void release(List<ScuAssociation> associations) {
        try {
            releaser.execute(() -> associations.forEach(ScuAssociation::close));
        } catch (RejectedExecutionException e) {
            associations.forEach(ScuAssociation::close);
        }
    }

    /** Releases every idle association now (A-RELEASE, each within ARTIM); nothing is kept afterwards. */
    @Override
    public void close() {
        List<ScuAssociation> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(kept -> kept.forEach(entry -> all.add(entry.association())));
            idle.clear();
            count = 0;
        }
        if (sweep != null) {
            sweep.cancel(false);
        }
        all.forEach(ScuAssociation::close);
    }
}
