package org.harmonyee.server.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.server.exchange.ExchangeCall;
import org.harmonyee.server.exchange.ExchangeLogged;
import org.harmonyee.server.exchange.InterceptorPriorities;

/**
 * Records every exchange in the {@link AuditTrail}, refused ones included: after the exchange
 * returns, its envelopes become an {@link AuditRecord} (map reads only), queued for the trail's
 * writer. Applies to every {@link ExchangeLogged} exchange ({@link ExchangeCall}).
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
        ExchangeCall.of(invocation, result).ifPresent(call -> trail.record(AuditRecords.exchange(call,
                (System.nanoTime() - started) / 1_000_000)));
        return result;
    }
}
