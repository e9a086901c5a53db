package org.harmonyee.server.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.server.exchange.ExchangeLogged;
import org.harmonyee.server.exchange.InterceptorPriorities;

/**
 * Records every exchange in the {@link AuditTrail}, refused ones included: after the exchange
 * returns, its envelopes become an {@link AuditRecord} (map reads only), queued for the trail's
 * writer. Applies to the exchange methods whose first two parameters are the network and the
 * request; a method named {@code refuse} is a door's refusal.
 */
@ExchangeLogged
@Interceptor
@Priority(InterceptorPriorities.AUDIT)
public class AuditInterceptor {

    @Inject
    AuditTrail trail;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        long started = System.nanoTime();
        Object result = invocation.proceed();
        Object[] parameters = invocation.getParameters();
        if (result instanceof ResponseEnvelope response && parameters.length >= 2
                && parameters[1] instanceof RequestEnvelope request) {
            trail.record(AuditRecords.exchange(String.valueOf(parameters[0]), request, response,
                    invocation.getMethod().getName().equals("refuse"), (System.nanoTime() - started) / 1_000_000));
        }
        return result;
    }
}
