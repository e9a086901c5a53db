package org.harmonyee.rar.inbound;

import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The toolkit's Executor over the server's WorkManager. {@code startWork} (not scheduleWork): the
 * caller learns at once whether a thread took the task, so an accepted connection is either served
 * or closed by the acceptor, never left waiting in a queue with its socket open. A refusal (no
 * thread within the start timeout, the WorkManager stopping) is a RejectedExecutionException, which
 * the acceptor answers by closing the connection and the query/retrieve SCP with A700.
 */
final class WorkManagerExecutor implements Executor {

    static final long START_TIMEOUT_MS = 10_000;

    private final WorkManager workManager;
    private final String name;

    WorkManagerExecutor(WorkManager workManager, String name) {
        this.workManager = workManager;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.startWork(new ListenerWork(task, name), START_TIMEOUT_MS, null, null);
        } catch (WorkException e) {
            throw new RejectedExecutionException(name + ": the WorkManager refused the work (" + e.getErrorCode()
                    + "): " + e.getMessage(), e);
        }
    }
}
