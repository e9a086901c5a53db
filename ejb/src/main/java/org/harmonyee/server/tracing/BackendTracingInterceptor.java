package org.harmonyee.server.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.server.backend.BackendCall;
import org.harmonyee.server.backend.BackendObserved;
import org.harmonyee.server.exchange.InterceptorPriorities;

import java.util.Optional;

/**
 * A client span for every backend call of a traced exchange, the child of the exchange's span
 * ({@link ExchangeSpans}), named after the backend, with {@code harmony.backend},
 * {@code harmony.service}, {@code harmony.pipeline} and {@code harmony.status}. The status is ERROR
 * when the call threw (unreachable, timed out) or answered 5xx, as the metrics count failures.
 * For the call, the request's {@code traceparent} and {@code tracestate} are the client span's
 * ({@link TraceContextHeaders}), so the http, fhir and dicomweb backends pass the trace upstream;
 * without tracing, or for an exchange that is not traced, the request's headers pass unchanged.
 */
@BackendObserved
@Interceptor
@Priority(InterceptorPriorities.TRACING)
public class BackendTracingInterceptor {

    @Inject
    GatewayTracing tracing;

    @Inject
    ExchangeSpans spans;

    @AroundInvoke
    Object trace(InvocationContext invocation) throws Exception {
        if (!tracing.enabled()) {
            return invocation.proceed();
        }
        Optional<BackendCall> call = BackendCall.of(invocation);
        Optional<Span> exchange = call.flatMap(c -> spans.of(c.request().exchangeId()));
        if (exchange.isEmpty()) {
            return invocation.proceed();
        }
        Backend backend = call.get().backend();
        String pipeline = call.get().request().metadata().getOrDefault(MetadataKeys.PIPELINE, "");
        Span span = tracing.tracer().spanBuilder(backend.name()).setSpanKind(SpanKind.CLIENT)
                .setParent(Context.root().with(exchange.get()))
                .setAttribute("harmony.backend", backend.name())
                .setAttribute("harmony.service", backend.service())
                .setAttribute("harmony.pipeline", pipeline)
                .startSpan();
        TraceContextHeaders headers = TraceContextHeaders.replace(call.get().request().headers(), span);
        try {
            Object result = invocation.proceed();
            if (result instanceof ResponseEnvelope response) {
                span.setAttribute("harmony.status", response.status());
                if (response.status() >= 500) {
                    span.setStatus(StatusCode.ERROR, "status " + response.status());
                }
            }
            return result;
        } catch (Exception | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            headers.restore();
            span.end();
        }
    }
}
