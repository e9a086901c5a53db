package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bridge pulls from the backend only as its caller pulls: one result ahead of nothing, so a
 * C-GET's next instance is not asked for before the caller has taken the one before, and a search
 * that reached its limit cancels the C-FIND.
 */
class BridgedResultsTest {

    /** A backend with {@code count} results (then the end, or a failure), counting pulls and noting close. */
    private static final class Backend implements ResultStream.Source {
        final AtomicInteger pulled = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        private final int count;
        private final boolean failAtEnd;

        Backend(int count, boolean failAtEnd) {
            this.count = count;
            this.failAtEnd = failAtEnd;
        }

        @Override
        public Optional<Result> next() {
            int n = pulled.incrementAndGet();
            if (n <= count) {
                return Optional.of(Result.json(Json.MAPPER.createObjectNode().put("n", n)));
            }
            if (failAtEnd) {
                throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the PACS went away");
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void startingPullsOnlyTheFirstResultAndEachNextOneMore() {
        Backend backend = new Backend(5, false);

        ResultStream answer = new BridgedResults(ResultStream.of(backend), 0, 100, r -> r).start().orElseThrow();
        assertThat(backend.pulled).hasValue(1);
        assertThat(answer.next().orElseThrow().json().get("n").asInt()).isEqualTo(1);
        assertThat(backend.pulled).hasValue(1);
        assertThat(answer.next().orElseThrow().json().get("n").asInt()).isEqualTo(2);
        assertThat(backend.pulled).hasValue(2);
    }

    @Test
    void offsetSkipsAndLimitClosesTheBackend() {
        Backend backend = new Backend(10, false);

        ResultStream answer = new BridgedResults(ResultStream.of(backend), 3, 2, r -> r).start().orElseThrow();

        assertThat(answer.collect(10)).extracting(r -> r.json().get("n").asInt()).containsExactly(4, 5);
        assertThat(backend.pulled).hasValue(5);
        assertThat(backend.closed).isTrue();
    }

    @Test
    void nothingIsEmptyAndAFailureBeforeTheFirstResultIsThrown() {
        Backend none = new Backend(0, false);
        assertThat(new BridgedResults(ResultStream.of(none), 0, 10, r -> r).start()).isEmpty();
        assertThat(none.closed).isTrue();

        Backend failing = new Backend(0, true);
        assertThatThrownBy(() -> new BridgedResults(ResultStream.of(failing), 0, 10, r -> r).start())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.BACKEND_UNREACHABLE));
        assertThat(failing.closed).isTrue();
    }
}
