package org.harmonyee.server.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.server.audit.Outcome;
import org.harmonyee.server.backend.BackendCall;
import org.harmonyee.server.backend.BackendObserved;
import org.harmonyee.server.exchange.InterceptorPriorities;

import java.util.Optional;

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
        Optional<BackendCall> call = BackendCall.of(invocation);
        if (call.isEmpty()) {
            return invocation.proceed();
        }
        Backend backend = call.get().backend();
        long started = System.nanoTime();
        Outcome outcome = Outcome.FAILED;
        try {
            Object result = invocation.proceed();
            if (result instanceof ResponseEnvelope response && response.status() < 500) {
                outcome = Outcome.SUCCESS;
            }
            return result;
        } finally {
            metrics.backendCall(call.get().request(), backend.name(), backend.service(), outcome,
                    System.nanoTime() - started);
        }
    }
}
