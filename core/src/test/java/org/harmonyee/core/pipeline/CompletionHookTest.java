package org.harmonyee.core.pipeline;

import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Middleware#onComplete}: once per exchange, for every middleware, however the exchange ended. */
class CompletionHookTest {

    private final PipelineExecutor executor = new PipelineExecutor(BackendInvoker.DIRECT);
    private final List<String> handled = new ArrayList<>();

    /** A middleware that records the outcomes it is told about. */
    private class Recorder implements Middleware {
        final String name;
        final BiFunction<RequestEnvelope, Chain, ResponseEnvelope> behaviour;
        final List<ExchangeOutcome> outcomes = new CopyOnWriteArrayList<>();

        Recorder(String name, BiFunction<RequestEnvelope, Chain, ResponseEnvelope> behaviour) {
            this.name = name;
            this.behaviour = behaviour;
        }

        Recorder(String name) {
            this(name, (request, next) -> next.proceed(request));
        }

        @Override
        public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
            handled.add(name);
            return behaviour.apply(request, next);
        }

        @Override
        public void onComplete(ExchangeOutcome outcome) {
            outcomes.add(outcome);
        }

        NamedMiddleware named() {
            return new NamedMiddleware(name, "test", this);
        }
    }

    private static Backend backend(Supplier<ResponseEnvelope> answer) {
        return new TestBackend(request -> answer.get());
    }

    private static Route route(List<Recorder> middleware, Backend backend) {
        Endpoint endpoint = new PathPrefixEndpoint("e", "test", new RouteSpec("/api", RouteSpec.ALL_METHODS), null) {
        };
        Pipeline pipeline = new Pipeline("orders", "", List.of("n"), List.of(endpoint),
                middleware.stream().map(Recorder::named).toList(), backend);
        return new Route("n", endpoint.routes().get(0), endpoint, pipeline);
    }

    private static RequestEnvelope request() {
        return RequestEnvelope.builder("0000000000c0ffee", "GET", "/api/orders/7").build();
    }

    private static ResultStream results(int count) {
        List<Result> results = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            results.add(Result.json(Json.MAPPER.createObjectNode().put("n", n)));
        }
        return ResultStream.of(results);
    }

    @Test
    void everyMiddlewareIsToldOnceWithTheOutcomeOfASuccessfulExchange() {
        Recorder auth = new Recorder("auth", (request, next) -> {
            request.metadata().put(MetadataKeys.PRINCIPAL, "alice");
            return next.proceed(request);
        });
        Recorder audit = new Recorder("audit");
        Recorder transform = new Recorder("transform");
        long before = System.nanoTime();

        ResponseEnvelope response = executor.execute(route(List.of(auth, audit, transform),
                backend(() -> ResponseEnvelope.of(201))), request());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - before);

        assertThat(response.status()).isEqualTo(201);
        for (Recorder recorder : List.of(auth, audit, transform)) {
            assertThat(recorder.outcomes).hasSize(1);
            ExchangeOutcome outcome = recorder.outcomes.get(0);
            assertThat(outcome.exchangeId()).isEqualTo("0000000000c0ffee");
            assertThat(outcome.pipeline()).isEqualTo("orders");
            assertThat(outcome.status()).isEqualTo(201);
            assertThat(outcome.problem()).isNull();
            assertThat(outcome.succeeded()).isTrue();
            assertThat(outcome.principal()).isEqualTo("alice");
            assertThat(outcome.metadata()).containsEntry(MetadataKeys.PRINCIPAL, "alice");
            assertThat(outcome.duration().isNegative()).isFalse();
            assertThat(outcome.duration()).isLessThanOrEqualTo(elapsed);
        }
    }

    @Test
    void middlewareAfterOneThatAnsweredEarlyIsToldToo() {
        Recorder first = new Recorder("first");
        Recorder early = new Recorder("early", (request, next) -> ResponseEnvelope.of(409));
        Recorder skipped = new Recorder("skipped");

        ResponseEnvelope response = executor.execute(route(List.of(first, early, skipped),
                backend(() -> ResponseEnvelope.of(200))), request());

        assertThat(response.status()).isEqualTo(409);
        assertThat(handled).containsExactly("first", "early");
        for (Recorder recorder : List.of(first, early, skipped)) {
            assertThat(recorder.outcomes).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).isEqualTo(409);
                assertThat(outcome.problem()).isNull();
                assertThat(outcome.principalName()).isEmpty();
            });
        }
    }

    @Test
    void aGatewayFailureIsTheOutcomesProblemWithTheRenderedStatus() {
        Recorder first = new Recorder("first");
        Recorder auth = new Recorder("auth", (request, next) -> {
            throw new GatewayException(ProblemType.UNAUTHORIZED, "no credentials");
        });
        Recorder after = new Recorder("after");

        ResponseEnvelope response = executor.execute(route(List.of(first, auth, after),
                backend(() -> ResponseEnvelope.of(200))), request());

        assertThat(response.status()).isEqualTo(401);
        for (Recorder recorder : List.of(first, auth, after)) {
            assertThat(recorder.outcomes).singleElement().satisfies(outcome -> {
                assertThat(outcome.problem()).isEqualTo(ProblemType.UNAUTHORIZED);
                assertThat(outcome.status()).isEqualTo(response.status());
                assertThat(outcome.succeeded()).isFalse();
                assertThat(outcome.principal()).isNull();
            });
        }
    }

    @Test
    void aStreamingExchangeCompletesWhenItsLastResultHasBeenRead() {
        Recorder audit = new Recorder("audit");
        Recorder metrics = new Recorder("metrics");

        ResponseEnvelope response = executor.execute(route(List.of(audit, metrics),
                backend(() -> ResponseEnvelope.streaming(200, new Headers(), results(2)))), request());

        assertThat(audit.outcomes).as("not complete while results remain").isEmpty();
        ResultStream results = response.results().orElseThrow();
        assertThat(results.next()).isPresent();
        assertThat(results.next()).isPresent();
        assertThat(audit.outcomes).isEmpty();
        assertThat(results.next()).isEmpty();
        assertThat(results.next()).isEmpty();
        results.close();

        for (Recorder recorder : List.of(audit, metrics)) {
            assertThat(recorder.outcomes).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).isEqualTo(200);
                assertThat(outcome.problem()).isNull();
                assertThat(outcome.exchangeId()).isEqualTo("0000000000c0ffee");
            });
        }
    }

    @Test
    void aStreamingExchangeClosedEarlyCompletesOnce() {
        Recorder audit = new Recorder("audit");

        ResponseEnvelope response = executor.execute(route(List.of(audit),
                backend(() -> ResponseEnvelope.streaming(200, new Headers(), results(3)))), request());
        ResultStream results = response.results().orElseThrow();
        results.next();
        assertThat(audit.outcomes).isEmpty();

        results.close();
        results.close();

        assertThat(audit.outcomes).singleElement().satisfies(outcome -> assertThat(outcome.problem()).isNull());
    }

    @Test
    void aStreamThatFailsCompletesWithTheFailuresProblem() {
        Recorder audit = new Recorder("audit");
        ResultStream failing = ResultStream.of(new ResultStream.Source() {
            @Override
            public Optional<Result> next() {
                throw new GatewayException(ProblemType.BACKEND_TIMEOUT, "the archive stopped answering");
            }

            @Override
            public void close() {
            }
        });

        ResponseEnvelope response = executor.execute(route(List.of(audit),
                backend(() -> ResponseEnvelope.streaming(200, new Headers(), failing))), request());
        assertThat(audit.outcomes).isEmpty();
        assertThatThrownBy(() -> response.results().orElseThrow().next())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.BACKEND_TIMEOUT));

        assertThat(audit.outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.problem()).isEqualTo(ProblemType.BACKEND_TIMEOUT);
            assertThat(outcome.status()).as("the status already sent").isEqualTo(200);
        });
    }

    @Test
    void aThrowingHookChangesNeitherTheResponseNorTheOtherHooks() {
        Recorder broken = new Recorder("broken") {
            @Override
            public void onComplete(ExchangeOutcome outcome) {
                super.onComplete(outcome);
                throw new IllegalStateException("audit store down");
            }
        };
        Recorder after = new Recorder("after");
        byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

        ResponseEnvelope response = executor.execute(route(List.of(broken, after), backend(() ->
                new ResponseEnvelope(202, new Headers().set("Content-Type", "application/json"), Body.of(answer)))),
                request());

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.contentType()).contains("application/json");
        assertThat(response.body().bytes()).isEqualTo(answer);
        assertThat(broken.outcomes).hasSize(1);
        assertThat(after.outcomes).hasSize(1);
    }
}
