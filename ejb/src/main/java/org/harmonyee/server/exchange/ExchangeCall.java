package org.harmonyee.server.exchange;

import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.util.Optional;

/**
 * One exchange as the interceptors on {@link ExchangeLogged} methods see it once it returned: the
 * network it arrived on, its request and response, and whether a door refused it before routing
 * ({@link PipelineService#refuse}).
 */
public record ExchangeCall(String network, RequestEnvelope request, ResponseEnvelope response, boolean refused) {

    /** The exchange of an {@link ExchangeLogged} method {@code (network, request, ...) -> response}, if it is one. */
    public static Optional<ExchangeCall> of(InvocationContext invocation, Object result) {
        Object[] parameters = invocation.getParameters();
        if (result instanceof ResponseEnvelope response && parameters.length >= 2
                && parameters[1] instanceof RequestEnvelope request) {
            return Optional.of(new ExchangeCall(String.valueOf(parameters[0]), request, response,
                    invocation.getMethod().getName().equals("refuse")));
        }
        return Optional.empty();
    }
}
