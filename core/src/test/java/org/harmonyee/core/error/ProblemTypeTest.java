package org.harmonyee.core.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTest {

    private static final String BASE = "urn:harmonyee:problem:";

    @Test
    void everyTypeHasItsOwnUri() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates()
                .hasSize(ProblemType.values().length);
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyUriIsAHarmonyUrnWithAKebabCaseSlug(ProblemType type) {
        assertThat(type.uri()).startsWith(BASE);
        assertThat(type.uri().substring(BASE.length())).matches("[a-z]+(-[a-z]+)*");
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyTypeIsAnHttpErrorStatusWithATitle(ProblemType type) {
        assertThat(type.httpStatus()).isBetween(400, 599);
        assertThat(type.title()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyDimseStatusIsAFailureOrWarningNeverSuccessOrPending(ProblemType type) {
        assertThat(type.dimseStatus()).isNotZero().isNotIn(0xFF00, 0xFF01).isBetween(0x0001, 0xFFFF);
    }

    @ParameterizedTest
    @CsvSource({
            "UNAUTHORIZED,           unauthorized,           401, 0x0124",
            "FORBIDDEN,              forbidden,              403, 0x0124",
            "NOT_FOUND,              not-found,              404, 0xC000",
            "PAYLOAD_TOO_LARGE,      payload-too-large,      413, 0xA700",
            "UNSUPPORTED_MEDIA_TYPE, unsupported-media-type, 415, 0xA900",
            "BACKEND_UNREACHABLE,    backend-unreachable,    502, 0xA701",
            "BACKEND_UNAVAILABLE,    backend-unavailable,    503, 0xA701",
            "BACKEND_TIMEOUT,        backend-timeout,        504, 0xA701",
    })
    void keyTypesKeepTheirPublishedAnswers(ProblemType type, String slug, int httpStatus, String dimseStatus) {
        assertThat(type.uri()).isEqualTo(BASE + slug);
        assertThat(type.httpStatus()).isEqualTo(httpStatus);
        assertThat(type.dimseStatus()).isEqualTo(Integer.decode(dimseStatus));
    }
}
