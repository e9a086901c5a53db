package org.harmonyee.server.tracing;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The span of each exchange in progress, by exchange id: a backend call finds its parent here
 * whatever thread runs it (a pipeline may call its backend off the door's thread), where a
 * thread-bound OpenTelemetry context would lose it.
 */
@ApplicationScoped
public class ExchangeSpans {

    private final Map<String, Span> spans = new ConcurrentHashMap<>();

    void open(String exchangeId, Span span) {
        spans.put(exchangeId, span);
    }

    void close(String exchangeId) {
        spans.remove(exchangeId);
    }

    /** The span of the exchange {@code exchangeId}, if it is traced and in progress. */
    Optional<Span> of(String exchangeId) {
        return Optional.ofNullable(spans.get(exchangeId));
    }
}
