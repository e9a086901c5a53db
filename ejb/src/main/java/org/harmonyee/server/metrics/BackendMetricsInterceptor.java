package org.harmonyee.server.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.server.audit.Outcome;
import org.harmonyee.server.backend.BackendObserved;
import org.harmonyee.server.exchange.InterceptorPriorities;

/**
 * Times every backend call into {@link GatewayMetrics}: failed when it threw (unreachable, timed out,
 * refused by the backend's own checks) or answered 5xx; the backend's own 4xx answers are its
 * business and count as served. A streamed answer is timed to its first byte.
 */
@BackendObserved
@Interceptor
@Priority(InterceptorPriorities.METRICS)
public class BackendMetricsInterceptor {

    @Inject
    GatewayMetrics metrics;

    @AroundInvoke
    Object time(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        if (parameters.length < 2 || !(parameters[0] instanceof Backend backend)
                || !(parameters[1] instanceof RequestEnvelope request)) {
            return invocation.proceed();
        }
        long started = System.nanoTime();
        Outcome outcome = Outcome.FAILED;
        try {
            Object result = invocation.proceed();
            if (result instanceof ResponseEnvelope response && response.status() < 500) {
                outcome = Outcome.SUCCESS;
            }
            return result;
        } finally {
            metrics.backendCall(request, backend.name(), backend.service(), outcome, System.nanoTime() - started);
        }
    }
}
