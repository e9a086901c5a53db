package org.harmonyee.server.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.server.exchange.ExchangeCall;
import org.harmonyee.server.exchange.ExchangeLogged;
import org.harmonyee.server.exchange.InterceptorPriorities;

/**
 * Times every {@link ExchangeLogged} exchange ({@link ExchangeCall}) into {@link GatewayMetrics}.
 */
@ExchangeLogged
@Interceptor
@Priority(InterceptorPriorities.METRICS)
public class ExchangeMetricsInterceptor {

    @Inject
    GatewayMetrics metrics;

    @AroundInvoke
    Object time(InvocationContext invocation) throws Exception {
        long started = System.nanoTime();
        Object result = invocation.proceed();
        ExchangeCall.of(invocation, result).ifPresent(call -> metrics.exchange(call,
                System.nanoTime() - started));
        return result;
    }
}
