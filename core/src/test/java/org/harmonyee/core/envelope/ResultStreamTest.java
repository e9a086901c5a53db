package org.harmonyee.core.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultStreamTest {

    private final List<String> trace = new ArrayList<>();

    /** A source of {@code count} results {"n":1..count}, failing before result {@code failAt} if set. */
    private final class ScriptedSource implements ResultStream.Source {
        private final int count;
        private final GatewayException failure;
        private final int failAt;
        private int produced;
        int closes;

        ScriptedSource(int count) {
            this(count, 0, null);
        }

        ScriptedSource(int count, int failAt, GatewayException failure) {
            this.count = count;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public Optional<Result> next() {
            if (failure != null && produced + 1 == failAt) {
                throw failure;
            }
            if (produced == count) {
                return Optional.empty();
            }
            produced++;
            trace.add("source:" + produced);
            return Optional.of(Result.json(Json.MAPPER.createObjectNode().put("n", produced)));
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static int n(Optional<Result> result) {
        return result.orElseThrow().json().get("n").asInt();
    }

    private Result step(String name, Result result) {
        trace.add(name + ":" + result.json().get("n").asInt());
        ObjectNode json = result.json().deepCopy();
        json.put("steps", json.path("steps").asText() + name);
        return result.withJson(json);
    }

    @Test
    void mapStepsRunInOrderOnEachResultAsItIsPulled() {
        ResultStream stream = ResultStream.of(new ScriptedSource(2))
                .map(result -> step("a", result))
                .map(result -> step("b", result));

        Optional<Result> first = stream.next();

        assertThat(trace).containsExactly("source:1", "a:1", "b:1");
        assertThat(first.orElseThrow().json().get("steps").asText()).isEqualTo("ab");

        stream.next();
        assertThat(trace).containsExactly("source:1", "a:1", "b:1", "source:2", "a:2", "b:2");
    }

    @Test
    void collectWithinTheBoundReturnsEveryResultInOrder() {
        ScriptedSource source = new ScriptedSource(3);
        ResultStream stream = ResultStream.of(source);

        List<Result> all = stream.collect(3);

        assertThat(all).extracting(result -> result.json().get("n").asInt()).containsExactly(1, 2, 3);
        assertThat(stream.isEnded()).isTrue();
        assertThat(source.closes).isEqualTo(1);
    }

    @Test
    void collectBeyondTheBoundIsPayloadTooLargeAndClosesTheSource() {
        ScriptedSource source = new ScriptedSource(5);
        ResultStream stream = ResultStream.of(source);

        assertThatThrownBy(() -> stream.collect(3))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
        assertThat(source.closes).isEqualTo(1);
        assertThat(stream.isEnded()).isTrue();
        assertThat(trace).as("nothing is pulled after the one too many").hasSize(4);
    }

    @Test
    void closeClosesTheSourceOnceAndClosingTwiceIsHarmless() {
        ScriptedSource source = new ScriptedSource(3);
        ResultStream stream = ResultStream.of(source);
        stream.next();

        stream.close();
        stream.close();

        assertThat(source.closes).isEqualTo(1);
        assertThat(stream.isEnded()).isTrue();
        assertThat(stream.next()).as("a closed stream pulls nothing more").isEmpty();
        assertThat(trace).containsExactly("source:1");
    }

    @Test
    void listenersRunOnceWithNullAtTheNaturalEnd() {
        ScriptedSource source = new ScriptedSource(2);
        List<GatewayException> ends = new ArrayList<>();
        ResultStream stream = ResultStream.of(source).whenEnded(ends::add);

        assertThat(n(stream.next())).isEqualTo(1);
        assertThat(n(stream.next())).isEqualTo(2);
        assertThat(ends).as("not ended while results remain").isEmpty();
        assertThat(stream.next()).isEmpty();
        assertThat(stream.next()).isEmpty();
        stream.close();

        assertThat(ends).hasSize(1).containsOnlyNulls();
        assertThat(source.closes).isEqualTo(1);
    }

    @Test
    void aFailureMidStreamPropagatesAndReachesTheListenersOnce() {
        GatewayException timeout = new GatewayException(ProblemType.BACKEND_TIMEOUT, "no answer");
        ScriptedSource source = new ScriptedSource(3, 2, timeout);
        List<GatewayException> ends = new ArrayList<>();
        ResultStream stream = ResultStream.of(source).whenEnded(ends::add).whenEnded(ends::add);

        assertThat(n(stream.next())).isEqualTo(1);
        assertThatThrownBy(stream::next).isSameAs(timeout);

        assertThat(ends).containsExactly(timeout, timeout);
        assertThat(stream.isEnded()).isTrue();
        assertThat(stream.delivered()).isEqualTo(1);
        assertThat(source.closes).isEqualTo(1);
        stream.close();
        assertThat(ends).hasSize(2);
    }

    @Test
    void listenersRunOnceWithNullOnEarlyClose() {
        List<GatewayException> ends = new ArrayList<>();
        ResultStream stream = ResultStream.of(new ScriptedSource(3)).whenEnded(ends::add);
        stream.next();

        stream.close();
        stream.close();

        assertThat(ends).hasSize(1).containsOnlyNulls();
    }

    @Test
    void deliveredCountsTheResultsHandedOut() {
        ResultStream stream = ResultStream.of(List.of(Result.json(Json.MAPPER.createObjectNode().put("n", 1)),
                Result.json(Json.MAPPER.createObjectNode().put("n", 2))));
        assertThat(stream.delivered()).isZero();

        stream.next();
        assertThat(stream.delivered()).isEqualTo(1);
        stream.next();
        stream.next();

        assertThat(stream.delivered()).isEqualTo(2);
    }

    @Test
    void aQueueFedByAnotherThreadDeliversEachResultAsItArrives() throws Exception {
        QueueSource source = new QueueSource();
        BlockingQueue<Optional<Result>> queue = source.queue;
        CountDownLatch firstConsumed = new CountDownLatch(1);
        AtomicBoolean secondProduced = new AtomicBoolean();
        ResultStream stream = ResultStream.of(source);
        ExecutorService producerThread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
                queue.add(Optional.of(Result.json(Json.MAPPER.createObjectNode().put("n", 1))));
                try {
                    if (!firstConsumed.await(5, SECONDS)) {
                        throw new AssertionError("the consumer never got result 1");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                secondProduced.set(true);
                queue.add(Optional.of(Result.json(Json.MAPPER.createObjectNode().put("n", 2))));
                queue.add(Optional.empty());
            }, producerThread);

            assertThat(n(stream.next())).isEqualTo(1);
            assertThat(secondProduced).as("result 1 arrived before result 2 existed").isFalse();
            firstConsumed.countDown();
            assertThat(n(stream.next())).isEqualTo(2);
            assertThat(stream.next()).isEmpty();

            producer.get(5, SECONDS);
            assertThat(source.closes).hasValue(1);
            assertThat(stream.delivered()).isEqualTo(2);
        } finally {
            producerThread.shutdownNow();
            assertThat(producerThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
