package org.harmonyee.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDocumentTest {

    private static JsonNode body(ResponseEnvelope response) throws IOException {
        return Json.parse(response.body().bytes());
    }

    @Test
    void aProblemIsAnsweredWithItsStatusAndTheProblemMediaType() {
        ResponseEnvelope response = ProblemDocument.render(
                new GatewayException(ProblemType.NOT_FOUND, "no pipeline serves /nowhere"), "0123456789abcdef", "/nowhere");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(ProblemDocument.MEDIA_TYPE).isEqualTo("application/problem+json");
    }

    @Test
    void theBodyCarriesEveryMemberInOrder() throws IOException {
        ResponseEnvelope response = ProblemDocument.render(
                new GatewayException(ProblemType.PAYLOAD_TOO_LARGE, "the body exceeds max_body_size (10 bytes)"),
                "00000000deadbeef", "/fhir/Patient");

        JsonNode body = body(response);
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("type", "title", "status", "detail", "instance", "exchange_id");
        assertThat(body.get("type").asText()).isEqualTo("urn:harmonyee:problem:payload-too-large");
        assertThat(body.get("title").asText()).isEqualTo("Payload too large");
        assertThat(body.get("status").isInt()).isTrue();
        assertThat(body.get("status").asInt()).isEqualTo(413);
        assertThat(body.get("detail").asText()).isEqualTo("the body exceeds max_body_size (10 bytes)");
        assertThat(body.get("instance").asText()).isEqualTo("/fhir/Patient");
        assertThat(body.get("exchange_id").asText()).isEqualTo("00000000deadbeef");
    }

    @Test
    void instanceIsOmittedWhenThereIsNone() throws IOException {
        ResponseEnvelope response = ProblemDocument.render(
                new GatewayException(ProblemType.INTERNAL, "internal error"), "x1", null);

        JsonNode body = body(response);
        assertThat(body.has("instance")).isFalse();
        assertThat(body.get("exchange_id").asText()).isEqualTo("x1");
        assertThat(body.get("status").asInt()).isEqualTo(500);
    }

    @Test
    void detailIsOmittedWhenThereIsNone() throws IOException {
        JsonNode body = body(ProblemDocument.render(new GatewayException(ProblemType.INTERNAL, null), "x1", "/a"));

        assertThat(body.has("detail")).isFalse();
        assertThat(body.get("title").asText()).isEqualTo("Internal error");
    }

    @Test
    void theExceptionsHeadersAreOnTheResponse() {
        GatewayException unavailable = new GatewayException(ProblemType.BACKEND_UNAVAILABLE, "every target is down")
                .withHeader("Retry-After", "30")
                .withHeader("Cache-Control", "no-store");

        ResponseEnvelope response = ProblemDocument.render(unavailable, "x2", "/api");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers().all("retry-after")).containsExactly("30");
        assertThat(response.headers().all("Cache-Control")).containsExactly("no-store");
        assertThat(response.contentType()).contains("application/problem+json");
    }

    @Test
    void theBodyIsAlsoTheResponsesUnchangedJsonView() throws IOException {
        ResponseEnvelope response = ProblemDocument.render(
                new GatewayException(ProblemType.UNAUTHORIZED, "no credentials"), "x3", "/a");

        assertThat(response.normalized()).contains(body(response));
        assertThat(response.normalizedChanged()).isFalse();
    }

    @Test
    void aDetailWithQuotesAndNewlinesStaysValidJson() throws IOException {
        String detail = "path \"/a\\b\"\nline two";
        ResponseEnvelope response = ProblemDocument.render(
                new GatewayException(ProblemType.MALFORMED_REQUEST, detail), "x4", "/a");

        assertThat(body(response).get("detail").asText()).isEqualTo(detail);
    }
}
