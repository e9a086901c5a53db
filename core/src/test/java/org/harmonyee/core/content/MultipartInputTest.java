package org.harmonyee.core.content;

import org.harmonyee.core.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parts pulled from a multipart body however the bytes arrive, and broken bodies refused with 400. */
class MultipartInputTest {

    private static final String BODY = "preamble\r\n--b1\r\nContent-Type: application/dicom\r\n\r\n"
            + "first\r\n--b is content, \r\n-b1 too, so is \r\n--\r\n--b1  \r\ncontent-type: text/plain\r\n\r\n\r\n--b1--\r\nepilogue";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100_000})
    void partsAreTheBytesBetweenDelimitersWhateverTheReadSizes(int chunk) throws IOException {
        MultipartInput parts = new MultipartInput(chunked(BODY, chunk), "b1");

        List<String> contents = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Optional<MultipartInput.Part> part = parts.next(); part.isPresent(); part = parts.next()) {
            types.add(part.get().headers().get("content-type"));
            contents.add(new String(part.get().content().readAllBytes(), StandardCharsets.US_ASCII));
        }

        assertThat(types).containsExactly("application/dicom", "text/plain");
        assertThat(contents).containsExactly("first\r\n--b is content, \r\n-b1 too, so is \r\n--", "");
        assertThat(parts.failure()).isEmpty();
    }

    @Test
    void aPartLeftUnreadIsSkippedAndABodyStartingWithItsDelimiterHasNoPreamble() throws IOException {
        MultipartInput parts = new MultipartInput(chunked("--b1\r\n\r\nskipped\r\n--b1\r\n\r\nread\r\n--b1--", 5), "b1");

        assertThat(parts.next()).isPresent();
        assertThat(parts.next().orElseThrow().content().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("read");
        assertThat(parts.next()).isEmpty();
        assertThat(parts.next()).isEmpty();
    }

    @Test
    void aBodyEndingInsideAPartFailsItsStreamAndIsKeptAsA400() throws IOException {
        MultipartInput parts = new MultipartInput(chunked("--b1\r\n\r\nhalf an instance", 4), "b1");
        InputStream content = parts.next().orElseThrow().content();

        assertThatThrownBy(content::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("close delimiter");
        assertThat(parts.failure()).hasValueSatisfying(failure -> assertThat(failure.type().httpStatus()).isEqualTo(400));
        assertThatThrownBy(parts::next).isInstanceOf(GatewayException.class).hasMessageContaining("close delimiter");
    }

    @Test
    void aBodyWithoutItsBoundaryOrWithBrokenHeadersIs400() {
        assertThatThrownBy(() -> new MultipartInput(chunked("no delimiter at all", 3), "b1").next())
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> new MultipartInput(chunked("--b1\r\nno colon\r\n\r\nx\r\n--b1--", 3), "b1").next())
                .isInstanceOf(GatewayException.class).hasMessageContaining("malformed multipart part header");
        assertThatThrownBy(() -> new MultipartInput(chunked("--b1xx", 3), "b1").next())
                .isInstanceOf(GatewayException.class);
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a network does. */
    private static InputStream chunked(String body, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
