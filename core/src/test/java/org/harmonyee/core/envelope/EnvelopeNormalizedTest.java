package org.harmonyee.core.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The body rule's bookkeeping, on the two real envelopes. */
class EnvelopeNormalizedTest {

    private static RequestEnvelope request() {
        return RequestEnvelope.builder("x1", "POST", "/api/a").path("/a")
                .body(Body.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).build();
    }

    private static ObjectNode object(String field, int value) {
        return Json.MAPPER.createObjectNode().put(field, value);
    }

    @Test
    void anEnvelopeNobodyNormalizedHasNoJsonAndNoChange() {
        RequestEnvelope request = request();

        assertThat(request.normalized()).isEmpty();
        assertThat(request.normalizedChanged()).isFalse();
    }

    @Test
    void jsonParsedFromTheBodyIsTheViewAndNotAChange() {
        RequestEnvelope request = request();

        request.normalizedFromBody(object("a", 1));

        assertThat(request.normalized()).contains(object("a", 1));
        assertThat(request.normalizedChanged()).isFalse();
    }

    @Test
    void replacingTheViewWithDifferentJsonIsAChange() {
        RequestEnvelope request = request();
        request.normalizedFromBody(object("a", 1));

        request.normalized(object("b", 2));

        assertThat(request.normalized()).contains(object("b", 2));
        assertThat(request.normalizedChanged()).isTrue();
    }

    @Test
    void replacingTheViewWithEqualJsonIsNoChange() {
        RequestEnvelope request = request();
        request.normalizedFromBody(object("a", 1));

        request.normalized(object("a", 1));

        assertThat(request.normalizedChanged()).isFalse();
    }

    @Test
    void changingTheParsedTreeInPlaceIsAChange() {
        ResponseEnvelope response = ResponseEnvelope.json(200, object("a", 1));
        assertThat(response.normalizedChanged()).isFalse();

        ((ObjectNode) response.normalized().orElseThrow()).put("added", true);

        assertThat(response.normalizedChanged()).as("what was parsed is kept as a copy").isTrue();
    }

    @Test
    void settingJsonWhereNoneWasParsedIsAChange() {
        ResponseEnvelope response = ResponseEnvelope.of(200);

        response.normalized(object("made", 1));

        assertThat(response.normalizedChanged()).isTrue();
    }

    @Test
    void aJsonResponseCarriesItsJsonAsBytesAndAsTheUnchangedView() throws Exception {
        ResponseEnvelope response = ResponseEnvelope.json(201, object("id", 7), "application/fhir+json");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).contains("application/fhir+json");
        assertThat(Json.parse(response.body().bytes())).isEqualTo(object("id", 7));
        assertThat(response.normalized()).contains(object("id", 7));
        assertThat(response.normalizedChanged()).isFalse();
    }

    @Test
    void lazyNormalizationRunsOnlyOnFirstAccessAndOnce() {
        ResponseEnvelope response = ResponseEnvelope.of(200);
        AtomicInteger runs = new AtomicInteger();
        response.normalizeLazily(envelope -> {
            runs.incrementAndGet();
            envelope.normalizedFromBody(object("lazy", 1));
        });
        assertThat(runs).as("nothing runs before a middleware asks").hasValue(0);
        assertThat(response.normalizedChanged()).isFalse();
        assertThat(runs).as("normalizedChanged does not trigger it").hasValue(0);

        JsonNode first = response.normalized().orElseThrow();
        JsonNode second = response.normalized().orElseThrow();

        assertThat(runs).hasValue(1);
        assertThat(first).isEqualTo(object("lazy", 1)).isSameAs(second);
        assertThat(response.normalizedChanged()).isFalse();
    }

    @Test
    void aLazyNormalizerThatFindsNoJsonRunsOnceAndLeavesTheViewEmpty() {
        RequestEnvelope request = request();
        AtomicInteger runs = new AtomicInteger();
        request.normalizeLazily(envelope -> runs.incrementAndGet());

        assertThat(request.normalized()).isEmpty();
        assertThat(request.normalized()).isEmpty();
        assertThat(runs).hasValue(1);
    }

    @Test
    void replacingTheViewBeforeFirstAccessCancelsLazyNormalization() {
        ResponseEnvelope response = ResponseEnvelope.of(200);
        AtomicInteger runs = new AtomicInteger();
        response.normalizeLazily(envelope -> {
            runs.incrementAndGet();
            envelope.normalizedFromBody(object("lazy", 1));
        });

        response.normalized(object("replaced", 2));

        assertThat(response.normalized()).contains(object("replaced", 2));
        assertThat(runs).hasValue(0);
        assertThat(response.normalizedChanged()).isTrue();
    }

    @Test
    void jsonAlreadyParsedFromTheBodyIsNotNormalizedAgain() {
        ResponseEnvelope response = ResponseEnvelope.of(200);
        AtomicInteger runs = new AtomicInteger();
        response.normalizeLazily(envelope -> {
            runs.incrementAndGet();
            envelope.normalizedFromBody(object("lazy", 1));
        });

        response.normalizedFromBody(object("parsed", 1));

        assertThat(response.normalized()).contains(object("parsed", 1));
        assertThat(runs).hasValue(0);
    }
}
