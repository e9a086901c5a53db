package org.harmonyee.core.pipeline;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

/**
 * An exit of a pipeline: turns the request envelope into a call to an external system and its
 * answer into a response envelope. Built once at startup; thread-safe.
 */
public interface Backend extends AutoCloseable {

    String name();

    String service();

    /**
     * Calls the external system.
     *
     * @throws org.harmonyee.core.error.GatewayException BACKEND_UNREACHABLE (502), BACKEND_TIMEOUT
     *         (504) or another problem the backend can name
     */
    ResponseEnvelope invoke(RequestEnvelope request);

    /** Releases connections and threads; called once when the gateway stops. */
    @Override
    default void close() {
    }
}
