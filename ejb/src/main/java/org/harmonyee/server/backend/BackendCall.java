package org.harmonyee.server.backend;

import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.pipeline.Backend;

import java.util.Optional;

/**
 * One backend call as the interceptors on {@link BackendObserved} methods see it before it runs:
 * the backend and the request it is given.
 */
public record BackendCall(Backend backend, RequestEnvelope request) {

    /** The call of a {@link BackendObserved} method {@code (backend, request) -> response}, if it is one. */
    public static Optional<BackendCall> of(InvocationContext invocation) {
        Object[] parameters = invocation.getParameters();
        if (parameters.length >= 2 && parameters[0] instanceof Backend backend
                && parameters[1] instanceof RequestEnvelope request) {
            return Optional.of(new BackendCall(backend, request));
        }
        return Optional.empty();
    }
}
