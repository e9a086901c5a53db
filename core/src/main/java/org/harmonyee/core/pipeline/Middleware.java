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
}
