package org.harmonyee.rar.inbound;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.harmonyee.dicom.net.TestThreads;

import java.util.Timer;
import java.util.concurrent.RejectedExecutionException;

/**
 * A WorkManager over a real thread pool, as a server's would run the adapter's Work, and the
 * BootstrapContext that hands it over. {@link #refuse} makes it reject every Work from then on.
 */
final class TestWorkManager implements WorkManager, BootstrapContext, AutoCloseable {

    private final TestThreads threads = new TestThreads("work");
    private volatile boolean refusing;

    void refuse() {
        refusing = true;
    }

    int active() {
        return threads.active();
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        if (refusing) {
            throw new WorkRejectedException("refused by the test", WorkException.START_TIMED_OUT);
        }
        try {
            threads.executor().execute(work);
        } catch (RejectedExecutionException e) {
            throw new WorkRejectedException(e);
        }
        return 0;
    }

    @Override
    public long startWork(Work work) throws WorkException {
        return startWork(work, INDEFINITE, null, null);
    }

    @Override
    public void doWork(Work work) {
        work.run();
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        work.run();
    }

    @Override
    public void scheduleWork(Work work) throws WorkException {
        startWork(work);
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        startWork(work, startTimeout, context, listener);
    }

    @Override
    public WorkManager getWorkManager() {
        return this;
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() {
        return new Timer(true);
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
        return true;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        threads.close();
    }
}
