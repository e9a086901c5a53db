package org.harmonyee.server.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.harmonyee.core.envelope.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextHeadersTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    /** With no span processor at all the SDK hands out the no-op tracer, whose spans only pass their parent on. */
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite())).build();

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void theCallCarriesTheClientSpanInPlaceOfTheCallersContextWhichComesBackAfter() {
        Headers headers = new Headers().add("Accept", "application/json")
                .add("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01").add("tracestate", "it=1");
        Span client = clientSpanOf(SpanContext.createFromRemoteParent(TRACE_ID, CALLER_SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("it", "1").build()));

        TraceContextHeaders call = TraceContextHeaders.replace(headers, client);

        assertThat(headers.all("traceparent"))
                .containsExactly("00-" + TRACE_ID + "-" + client.getSpanContext().getSpanId() + "-01");
        assertThat(client.getSpanContext().getSpanId()).isNotEqualTo(CALLER_SPAN_ID);
        assertThat(headers.all("tracestate")).containsExactly("it=1");
        assertThat(headers.first("Accept")).contains("application/json");

        call.restore();

        assertThat(headers.all("traceparent")).containsExactly("00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01");
        assertThat(headers.all("tracestate")).containsExactly("it=1");
    }

    @Test
    void aCallerWithoutTraceContextGetsTheClientSpansForTheCallAndNoneAfter() {
        Headers headers = new Headers().add("Accept", "application/json");
        Span client = provider.get("test").spanBuilder("backend").setSpanKind(SpanKind.CLIENT).startSpan();

        TraceContextHeaders call = TraceContextHeaders.replace(headers, client);

        assertThat(headers.first("traceparent")).contains("00-" + client.getSpanContext().getTraceId() + "-"
                + client.getSpanContext().getSpanId() + "-" + client.getSpanContext().getTraceFlags().asHex());
        assertThat(headers.contains("tracestate")).as("an empty trace state is not sent").isFalse();
        call.restore();
        assertThat(headers.names()).containsExactly("Accept");
    }

    @Test
    void aStaleTraceStateOfTheCallerIsNotSentWithTheClientSpan() {
        Headers headers = new Headers().add("tracestate", "stale=1");
        Span client = provider.get("test").spanBuilder("backend").setSpanKind(SpanKind.CLIENT).startSpan();

        TraceContextHeaders.replace(headers, client);

        assertThat(headers.contains("tracestate")).isFalse();
        assertThat(headers.first("traceparent")).isPresent();
    }

    private Span clientSpanOf(SpanContext caller) {
        Span server = provider.get("test").spanBuilder("exchange").setSpanKind(SpanKind.SERVER)
                .setParent(Context.root().with(Span.wrap(caller))).startSpan();
        return provider.get("test").spanBuilder("backend").setSpanKind(SpanKind.CLIENT)
                .setParent(Context.root().with(server)).startSpan();
    }
}
