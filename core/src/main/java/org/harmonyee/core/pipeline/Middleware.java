package org.harmonyee.core.pipeline;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

/**
 * One middleware instance, built once at startup from its {@code [middleware.NAME]} table and
 * shared by all exchanges: implementations are thread-safe and keep no per-request state in fields.
 * See the package documentation for what it may read and change, and how it fails.
 */
@FunctionalInterface
public interface Middleware {

    /**
     * Handles one exchange.
     *
     * @param request the request; changes made before {@code next.proceed} are seen downstream
     * @param next    the rest of the pipeline; not calling it answers early
     * @return the response, possibly changed on its way back
     * @throws org.harmonyee.core.error.GatewayException to fail the exchange with that problem
     */
    ResponseEnvelope handle(RequestEnvelope request, Chain next);

    /**
     * Called once when an exchange of this middleware's pipeline has ended, whether or not the
     * exchange reached this middleware, succeeded, failed or was answered early: for audit and
     * metrics. For a streaming response it is called when the last result has been delivered (or
     * the stream failed or was closed). It must not throw; what it throws is logged and ignored.
     */
    default void onComplete(ExchangeOutcome outcome) {
    }
}
