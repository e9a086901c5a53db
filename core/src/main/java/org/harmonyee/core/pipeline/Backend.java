package org.harmonyee.core.pipeline;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.health.TargetPool;

import java.util.Optional;

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

    /**
     * The servers this backend spreads its calls over, with their health, for the management API
     * and readiness; empty for a backend that talks to no server of its own (echo).
     */
    default Optional<TargetPool> targets() {
        return Optional.empty();
    }

    /** Releases connections and threads; called once when the gateway stops. */
    @Override
    default void close() {
    }
}
