package org.harmonyee.dicom.net;

import org.harmonyee.dicom.net.association.AssociationAcceptor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Executor the tests hand to acceptors and clients, so they can prove no thread is left running. */
public final class TestThreads implements AutoCloseable {

    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor executor;

    public TestThreads(String name) {
        executor = new ThreadPoolExecutor(0, 512, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Tasks running now. */
    public int active() {
        return executor.getActiveCount();
    }

    /** Waits up to {@code millis} until at most {@code expected} tasks run, and asserts it. */
    public void awaitActive(int expected, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (executor.getActiveCount() > expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(executor.getActiveCount()).as("tasks still running").isLessThanOrEqualTo(expected);
    }

    /** Waits up to 5 s until the acceptor has no connection left, and asserts it. */
    public static void awaitNoAssociation(AssociationAcceptor acceptor) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (acceptor.activeAssociations() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(acceptor.activeAssociations()).as("open associations").isZero();
    }

    /** Shuts down and asserts every task ended. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).as("all threads ended").isTrue();
    }
}
