package org.harmonyee.server.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.server.audit.Outcome;
import org.harmonyee.server.exchange.ExchangeCall;
import org.harmonyee.server.exchange.ExchangeLogged;
import org.harmonyee.server.exchange.InterceptorPriorities;

import java.util.Map;

/**
 * A server span for every {@link ExchangeLogged} exchange, named after the pipeline that served
 * it ({@code unrouted} when none did), continuing the caller's trace when the request carries a
 * W3C {@code traceparent}. Attributes: {@code harmony.exchange_id}, {@code harmony.network},
 * {@code harmony.pipeline}, {@code harmony.endpoint}, {@code harmony.protocol},
 * {@code harmony.operation} (HTTP method or DIMSE operation), {@code harmony.status} and
 * {@code harmony.outcome}; a failed exchange has the status ERROR. A streamed answer's span ends
 * with its first result, like the exchange log's timing. Without {@code [telemetry] otlp_endpoint}
 * the exchange passes untouched: no header is parsed and no span is made.
 */
@ExchangeLogged
@Interceptor
@Priority(InterceptorPriorities.TRACING)
public class ExchangeTracingInterceptor {

    static final String UNROUTED = "unrouted";

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return headers.names();
        }

        @Override
        public String get(Headers headers, String name) {
            return headers == null ? null : headers.first(name).orElse(null);
        }
    };

    @Inject
    GatewayTracing tracing;

    @Inject
    ExchangeSpans spans;

    @AroundInvoke
    Object trace(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        if (parameters.length < 2 || !(parameters[1] instanceof RequestEnvelope request) || !tracing.enabled()) {
            return invocation.proceed();
        }
        Context caller = W3CTraceContextPropagator.getInstance().extract(Context.root(), request.headers(), HEADERS);
        Span span = tracing.tracer().spanBuilder(UNROUTED).setSpanKind(SpanKind.SERVER).setParent(caller)
                .setAttribute("harmony.exchange_id", request.exchangeId())
                .setAttribute("harmony.network", String.valueOf(parameters[0]))
                .setAttribute("harmony.operation", request.method()).startSpan();
        boolean traced = span.getSpanContext().isValid();
        if (traced) {
            spans.open(request.exchangeId(), span);
        }
        Object result = null;
        try {
            result = invocation.proceed();
            return result;
        } catch (Exception | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            if (traced) {
                spans.close(request.exchangeId());
                ExchangeCall.of(invocation, result).ifPresent(call -> describe(span, call));
            }
            span.end();
        }
    }

    private static void describe(Span span, ExchangeCall call) {
        Map<String, String> metadata = call.request().metadata();
        String pipeline = metadata.get(MetadataKeys.PIPELINE);
        Outcome outcome = Outcome.of(call);
        span.updateName(pipeline == null ? UNROUTED : pipeline)
                .setAttribute("harmony.pipeline", pipeline == null ? "" : pipeline)
                .setAttribute("harmony.endpoint", metadata.getOrDefault(MetadataKeys.ENDPOINT, ""))
                .setAttribute("harmony.protocol", metadata.getOrDefault(MetadataKeys.PROTOCOL, ""))
                .setAttribute("harmony.status", call.response().status())
                .setAttribute("harmony.outcome", outcome.label());
        if (outcome == Outcome.FAILED) {
            span.setStatus(StatusCode.ERROR, "status " + call.response().status());
        }
    }
}
