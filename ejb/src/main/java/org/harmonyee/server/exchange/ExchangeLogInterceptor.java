package org.harmonyee.server.exchange;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;

import java.lang.System.Logger.Level;


/**
 * Logs one INFO line per exchange: id, network, pipeline, endpoint, method, path, status and
 * duration. Never bodies, never header values, never query strings (they may carry identifiers).
 */
@ExchangeLogged
@Interceptor
@Priority(InterceptorPriorities.EXCHANGE_LOG)
public class ExchangeLogInterceptor {

    private static final System.Logger LOG = System.getLogger("org.harmonyee.exchange");

    @AroundInvoke
    Object logExchange(InvocationContext invocation) throws Exception {
        long started = System.nanoTime();
        Object result = invocation.proceed();
        if (result instanceof ResponseEnvelope response && invocation.getParameters().length == 2
                && invocation.getParameters()[1] instanceof RequestEnvelope request) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.log(Level.INFO, () -> request.exchangeId() + " network=" + invocation.getParameters()[0]
                    + " pipeline=" + request.metadata().getOrDefault(MetadataKeys.PIPELINE, "-")
                    + " endpoint=" + request.metadata().getOrDefault(MetadataKeys.ENDPOINT, "-")
                    + " " + request.method() + " " + request.fullPath()
                    + " -> " + response.status() + " " + millis + " ms");
        }
        return result;
    }
}
