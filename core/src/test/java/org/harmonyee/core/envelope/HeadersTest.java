package org.harmonyee.core.envelope;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadersTest {

    @Test
    void namesCompareCaseInsensitivelyAndKeepTheirFirstSpelling() {
        Headers headers = new Headers().add("Content-Type", "text/plain").add("CONTENT-TYPE", "text/html");

        assertThat(headers.names()).containsExactly("Content-Type");
        assertThat(headers.all("content-type")).containsExactly("text/plain", "text/html");
        assertThat(headers.first("cOnTeNt-TyPe")).contains("text/plain");
        assertThat(headers.contains("content-TYPE")).isTrue();
    }

    @Test
    void namesKeepTheOrderTheyWereFirstAddedIn() {
        Headers headers = new Headers().add("X-B", "1").add("x-a", "2").add("Accept", "3").add("x-b", "4");

        assertThat(headers.names()).containsExactly("X-B", "x-a", "Accept");
    }

    @Test
    void addAppendsAValueWhileSetReplacesEveryValueInPlace() {
        Headers headers = new Headers().add("Accept", "a/1").add("Via", "1.1 x").add("Accept", "a/2");

        headers.set("Accept", "b/1");

        assertThat(headers.all("Accept")).containsExactly("b/1");
        assertThat(headers.names()).as("set keeps the name's position").containsExactly("Accept", "Via");
    }

    @Test
    void setKeepsTheSpellingTheNameWasFirstGiven() {
        Headers headers = new Headers().add("Content-Type", "text/plain").set("content-type", "application/json");

        assertThat(headers.names()).containsExactly("Content-Type");
        assertThat(headers.first("CONTENT-TYPE")).contains("application/json");
    }

    @Test
    void setOnANewNameAddsIt() {
        Headers headers = new Headers().set("Retry-After", "30");

        assertThat(headers.names()).containsExactly("Retry-After");
        assertThat(headers.all("retry-after")).containsExactly("30");
    }

    @Test
    void removeDropsEveryValueWhateverTheSpelling() {
        Headers headers = new Headers().add("Cookie", "a=1").add("cookie", "b=2").add("Host", "h");

        headers.remove("COOKIE");

        assertThat(headers.contains("Cookie")).isFalse();
        assertThat(headers.first("Cookie")).isEmpty();
        assertThat(headers.all("Cookie")).isEmpty();
        assertThat(headers.names()).containsExactly("Host");
    }

    @Test
    void removingTheLastNameLeavesTheHeadersEmpty() {
        Headers headers = new Headers().add("Host", "h");
        assertThat(headers.isEmpty()).isFalse();

        headers.remove("host");

        assertThat(headers.isEmpty()).isTrue();
        assertThat(headers.names()).isEmpty();
    }

    @Test
    void allOfAnAbsentNameIsEmptyAndAllIsReadOnly() {
        Headers headers = new Headers().add("Accept", "a/1");

        assertThat(headers.all("Missing")).isEmpty();
        assertThatThrownBy(() -> headers.all("Accept").add("a/2")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(headers.all("Accept")).containsExactly("a/1");
    }

    @Test
    void forEachGivesEachNameOnceWithAllItsValuesInOrder() {
        Headers headers = new Headers().add("Accept", "a/1").add("Host", "h").add("ACCEPT", "a/2");
        Map<String, List<String>> seen = new LinkedHashMap<>();

        headers.forEach(seen::put);

        assertThat(seen).containsExactly(Map.entry("Accept", List.of("a/1", "a/2")), Map.entry("Host", List.of("h")));
    }

    @Test
    void aCopyHasTheSameNamesAndValuesAndChangesIndependently() {
        Headers original = new Headers().add("Accept", "a/1").add("X-Trace", "t").add("accept", "a/2");

        Headers copy = original.copy();
        assertThat(copy.names()).containsExactly("Accept", "X-Trace");
        assertThat(copy.all("Accept")).containsExactly("a/1", "a/2");

        copy.add("Accept", "a/3").remove("X-Trace").set("Host", "copy");
        original.set("Accept", "orig");

        assertThat(original.all("Accept")).containsExactly("orig");
        assertThat(original.all("X-Trace")).containsExactly("t");
        assertThat(original.contains("Host")).isFalse();
        assertThat(copy.all("Accept")).containsExactly("a/1", "a/2", "a/3");
        assertThat(copy.names()).containsExactly("Accept", "Host");
    }
}
