package org.harmonyee.core.envelope;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.concurrent.TimeUnit.SECONDS;

/**
 * A result source fed by a queue, as a backend's would be by its association's reader thread: an
 * empty Optional marks the end; a pull waits at most 5 s, then fails the test instead of hanging.
 */
public final class QueueSource implements ResultStream.Source {

    public final BlockingQueue<Optional<Result>> queue = new LinkedBlockingQueue<>();
    public final AtomicInteger closes = new AtomicInteger();

    @Override
    public Optional<Result> next() {
        try {
            Optional<Result> item = queue.poll(5, SECONDS);
            if (item == null) {
                throw new AssertionError("no result from the producer within 5 s");
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
