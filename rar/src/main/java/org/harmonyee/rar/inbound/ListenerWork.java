package org.harmonyee.rar.inbound;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * A listener's task (an accept loop, an association's reader, a C-FIND/C-GET/C-MOVE) as Work. It
 * runs as long as its socket does, so it asks for a long-running thread (JCA 11.6 HintsContext: on
 * WildFly the WorkManager's long-running pool; Payara ignores the hint).
 */
final class ListenerWork implements Work, WorkContextProvider {

    private static final System.Logger LOG = System.getLogger(ListenerWork.class.getName());

    private final Runnable task;
    private final String name;

    ListenerWork(Runnable task, String name) {
        this.task = task;
        this.name = name;
    }

    @Override
    public void run() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, name + ": the listener's work failed", e);
        }
    }

    /**
     * Nothing to do here: a listener's work ends when its sockets close, which
     * endpointDeactivation and stop() do for every activation.
     */
    @Override
    public void release() {
        LOG.log(Level.DEBUG, () -> name + ": the WorkManager asked the work to end");
    }

    @Override
    public List<WorkContext> getWorkContexts() {
        HintsContext hints = new HintsContext();
        hints.setName(name);
        hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
        return List.of(hints);
    }
}
