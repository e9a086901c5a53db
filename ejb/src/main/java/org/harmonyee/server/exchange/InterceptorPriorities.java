package org.harmonyee.server.exchange;

import jakarta.interceptor.Interceptor;

/**
 * The priorities of the gateway's CDI interceptors, in one place. Lower runs first (outermost).
 * Pipeline middleware is not ordered here: its order is the pipeline's list.
 */
public final class InterceptorPriorities {

    /** Exchange logging and timing wraps everything else, so its duration is the whole exchange. */
    public static final int EXCHANGE_LOG = Interceptor.Priority.LIBRARY_BEFORE + 100;
    /** The audit trail records what the exchange left in its envelopes, inside the log's timing. */
    public static final int AUDIT = EXCHANGE_LOG + 10;
    /** Metrics time the exchange (and, on the backend bean, the backend call) inside the log and the audit. */
    public static final int METRICS = EXCHANGE_LOG + 20;
    /** Tracing spans the exchange (and, on the backend bean, the backend call) inside the log, the audit and the metrics. */
    public static final int TRACING = EXCHANGE_LOG + 30;

    private InterceptorPriorities() {
    }
}
