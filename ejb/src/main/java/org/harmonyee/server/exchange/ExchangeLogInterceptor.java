package org.harmonyee.server.exchange;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;

/**
 * Logs one INFO line per exchange through {@link ExchangeLog}: id, network, pipeline, endpoint,
 * method, path, status and duration. Never bodies, never header values, never query strings (they
 * may carry identifiers). Applies to every exchange method whose first two parameters are the
 * network and the request, refusals included.
 */
@ExchangeLogged
@Interceptor
@Priority(InterceptorPriorities.EXCHANGE_LOG)
public class ExchangeLogInterceptor {

    @Inject
    ExchangeLog log;

    @AroundInvoke
    Object logExchange(InvocationContext invocation) throws Exception {
        long started = System.nanoTime();
        Object result = invocation.proceed();
        if (log.enabled()) {
            ExchangeCall.of(invocation, result).ifPresent(call -> {
                RequestEnvelope request = call.request();
                long millis = (System.nanoTime() - started) / 1_000_000;
                log.record(request.exchangeId() + " network=" + call.network()
                        + " pipeline=" + request.metadata().getOrDefault(MetadataKeys.PIPELINE, "-")
                        + " endpoint=" + request.metadata().getOrDefault(MetadataKeys.ENDPOINT, "-")
                        + " " + request.method() + " " + request.fullPath()
                        + " -> " + call.response().status() + " " + millis + " ms");
            });
        }
        return result;
    }
}
