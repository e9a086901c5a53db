package org.harmonyee.server.exchange;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The exchange log's writer: request threads hand their line to a bounded queue and go on; one
 * thread of the server's own writes the lines, in order, to the {@code org.harmonyee.exchange}
 * logger. A request thread therefore never waits on a console or a file. When the writer cannot
 * keep up and the queue is full, lines are dropped and counted, and the count is logged: the
 * log is a record for operators, never a brake on traffic.
 */
@ApplicationScoped
public class ExchangeLog {

    private static final System.Logger LOG = System.getLogger("org.harmonyee.exchange");
    private static final int CAPACITY = 65_536;
    /** How long the writer rests when there is nothing to write (the lag of a line, at most). */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    @Resource
    ManagedThreadFactory threads;

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread writer;

    @PostConstruct
    void start() {
        running = true;
        writer = threads.newThread(this::drain);
        writer.setName("harmony-exchange-log");
        writer.start();
    }

    /** Whether lines would be written at all (the level of the exchange logger). */
    public boolean enabled() {
        return LOG.isLoggable(Level.INFO);
    }

    /** Queues one line; never blocks and takes no lock. */
    public void record(String line) {
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        lines.add(line);
    }

    private void drain() {
        while (running || !lines.isEmpty()) {
            String line = lines.poll();
            if (line == null) {
                LockSupport.parkNanos(IDLE_NANOS);
            } else {
                queued.decrementAndGet();
                LOG.log(Level.INFO, line);
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.log(Level.WARNING, lost + " exchange lines were dropped: the log could not keep up with the traffic");
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
