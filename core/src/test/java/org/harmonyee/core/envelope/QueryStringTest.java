package org.harmonyee.core.envelope;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryStringTest {

    @Test
    void noQueryGivesNoParameters() {
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
    }

    @Test
    void repeatedNamesKeepEveryValueInOrder() {
        Map<String, List<String>> query = QueryString.parse("code=b&_count=10&code=a&code=c");

        assertThat(query).containsExactly(
                Map.entry("code", List.of("b", "a", "c")),
                Map.entry("_count", List.of("10")));
    }

    @Test
    void plusIsASpaceAndPercentEscapesAreUtf8Bytes() {
        Map<String, List<String>> query = QueryString.parse("name=Jos%C3%A9+M%C3%BCller&family%20name=%E6%9D%8E&q=a%2Bb%26c%3Dd");

        assertThat(query.get("name")).containsExactly("José Müller");
        assertThat(query.get("family name")).containsExactly("李");
        assertThat(query.get("q")).containsExactly("a+b&c=d");
    }

    @Test
    void aNameWithoutEqualsHasAnEmptyValue() {
        Map<String, List<String>> query = QueryString.parse("_summary&flag=&x=1");

        assertThat(query).containsExactly(
                Map.entry("_summary", List.of("")),
                Map.entry("flag", List.of("")),
                Map.entry("x", List.of("1")));
    }

    @Test
    void onlyTheFirstEqualsSeparatesTheValue() {
        assertThat(QueryString.parse("filter=a=b").get("filter")).containsExactly("a=b");
    }

    @Test
    void emptyPairsAreSkipped() {
        Map<String, List<String>> query = QueryString.parse("&&a=1&&b=2&");

        assertThat(query).containsExactly(Map.entry("a", List.of("1")), Map.entry("b", List.of("2")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a=%zz      | %zz",
            "a=%4       | %4",
            "a=1&b=x%4  | x%4",
            "%g1=value  | %g1",
    })
    void aMalformedEscapeIsAMalformedRequestNamingTheComponent(String raw, String component) {
        assertThatThrownBy(() -> QueryString.parse(raw))
                .isInstanceOfSatisfying(GatewayException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
                    assertThat(failure.type().httpStatus()).isEqualTo(400);
                    assertThat(failure.detail()).contains("'" + component + "'");
                });
    }

    @Test
    void decodeAloneFollowsTheSameRules() {
        assertThat(QueryString.decode("a+b%21")).isEqualTo("a b!");
        assertThatThrownBy(() -> QueryString.decode("%zz")).isInstanceOf(GatewayException.class);
    }
}
