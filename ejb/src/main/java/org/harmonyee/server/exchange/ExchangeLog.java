package org.harmonyee.server.exchange;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

    @Resource
    ManagedThreadFactory threads;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
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

    /** Queues one line; never blocks. */
    public void record(String line) {
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        while (running || !lines.isEmpty()) {
            try {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    LOG.log(Level.INFO, line);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
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
