package org.harmonyee.server.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.harmonyee.core.envelope.Headers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C trace context (traceparent, tracestate) of a backend call's client span, put into the
 * request envelope's headers for the call, so that the backends that speak HTTP (http, fhir,
 * dicomweb) send it upstream and the upstream's spans join the exchange's trace as children of
 * the call. The caller's own values, which are the parent of the exchange's server span and not
 * of the upstream's, are replaced for the call and put back by {@link #restore()} once it returns,
 * so that the response side of the pipeline sees the request as it came in.
 */
final class TraceContextHeaders {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<Headers> SETTER = (headers, name, value) -> headers.set(name, value);

    private final Headers headers;
    private final Map<String, List<String>> inbound;

    private TraceContextHeaders(Headers headers, Map<String, List<String>> inbound) {
        this.headers = headers;
        this.inbound = inbound;
    }

    /** Replaces the trace context in {@code headers} with the one of {@code span}. */
    static TraceContextHeaders replace(Headers headers, Span span) {
        Map<String, List<String>> inbound = new LinkedHashMap<>();
        for (String field : W3C.fields()) {
            List<String> values = List.copyOf(headers.all(field));
            if (!values.isEmpty()) {
                inbound.put(field, values);
            }
            headers.remove(field);
        }
        W3C.inject(Context.root().with(span), headers, SETTER);
        return new TraceContextHeaders(headers, inbound);
    }

    /** Puts back the trace context the request carried (none if it carried none). */
    void restore() {
        W3C.fields().forEach(headers::remove);
        inbound.forEach((field, values) -> values.forEach(value -> headers.add(field, value)));
    }
}
