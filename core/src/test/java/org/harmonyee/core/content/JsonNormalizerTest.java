package org.harmonyee.core.content;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonNormalizerTest {

    private static RequestEnvelope request(String contentType, Body body) {
        RequestEnvelope.Builder builder = RequestEnvelope.builder("x", "POST", "/").body(body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }

    private static Body stream(byte[] bytes, long declared) {
        return Body.stream(new ByteArrayInputStream(bytes), declared);
    }

    @Test
    void jsonFamilyAndMissingContentTypeAreParsedAndTheBytesKept() {
        for (String type : new String[] {"application/json", "application/fhir+json; charset=utf-8",
                "application/dicom+json", null}) {
            byte[] json = "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8);
            RequestEnvelope request = request(type, stream(json, -1));

            new JsonNormalizer(1024).normalize(request);

            assertThat(request.normalized()).as(String.valueOf(type)).isPresent();
            assertThat(request.normalized().get().get("resourceType").asText()).isEqualTo("Patient");
            assertThat(request.body().bytes()).isEqualTo(json);
            assertThat(request.normalizedChanged()).isFalse();
        }
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        RequestEnvelope request = request("application/json", Body.of("{\n \"a\": ]".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> new JsonNormalizer(1024).normalize(request))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type().httpStatus()).isEqualTo(400);
                    assertThat(e.detail()).contains("line 2");
                });
    }

    @Test
    void trailingGarbageAfterJsonIsMalformed() {
        RequestEnvelope request = request("application/json", Body.of("{} {}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> new JsonNormalizer(1024).normalize(request)).isInstanceOf(GatewayException.class);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413WithoutReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("must not be read");
            }
        };
        RequestEnvelope request = request("application/octet-stream", Body.stream(never, 2048));

        assertThatThrownBy(() -> new JsonNormalizer(1024).normalize(request))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type().httpStatus()).isEqualTo(413));
    }

    @Test
    void anUndeclaredLengthIsCutOffOneByteOverTheLimit() throws IOException {
        RequestEnvelope json = request("application/json", stream(new byte[1025], -1));
        assertThatThrownBy(() -> new JsonNormalizer(1024).normalize(json))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type().httpStatus()).isEqualTo(413));

        RequestEnvelope binary = request("application/octet-stream", stream(new byte[1025], -1));
        new JsonNormalizer(1024).normalize(binary);
        try (InputStream in = binary.body().open()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(BodyLimit.unwrap(e).type().httpStatus()).isEqualTo(413));
        }
    }

    @Test
    void otherMediaTypesStayStreams() {
        RequestEnvelope request = request("image/png", stream(new byte[10], 10));

        new JsonNormalizer(1024).normalize(request);

        assertThat(request.normalized()).isEmpty();
        assertThat(request.body().isBuffered()).isFalse();
    }
}
