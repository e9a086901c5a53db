package org.harmonyee.core.envelope;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeIdsTest {

    @Test
    void anIdIsSixteenLowercaseHexDigits() {
        IntStream.range(0, 1_000).mapToObj(i -> ExchangeIds.next())
                .forEach(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }

    @Test
    void idsAreDistinctAcrossManyCalls() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(ExchangeIds.next());
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void idsMadeOnParallelThreadsAreDistinctToo() {
        long distinct = IntStream.range(0, 20_000).parallel().mapToObj(i -> ExchangeIds.next()).distinct().count();

        assertThat(distinct).isEqualTo(20_000);
    }
}
