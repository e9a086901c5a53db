package org.harmonyee.core.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.content.ContentNormalizer;
import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineExecutorTest {

    private final List<String> trace = new ArrayList<>();
    private final PipelineExecutor executor = new PipelineExecutor(BackendInvoker.DIRECT);

    private NamedMiddleware recording(String name) {
        return new NamedMiddleware(name, "test", (request, next) -> {
            trace.add(name + ":request");
            ResponseEnvelope response = next.proceed(request);
            trace.add(name + ":response");
            return response;
        });
    }

    private Backend backend(int status) {
        return new TestBackend(request -> {
            trace.add("backend");
            return ResponseEnvelope.of(status);
        });
    }

    private static Route route(List<NamedMiddleware> middleware, Backend backend) {
        Endpoint endpoint = new Endpoint() {
            @Override
            public String name() {
                return "e";
            }

            @Override
            public String service() {
                return "test";
            }

            @Override
            public List<RouteSpec> routes() {
                return List.of(new RouteSpec("/", RouteSpec.ALL_METHODS));
            }
        };
        Pipeline pipeline = new Pipeline("p", "", List.of("n"), List.of(endpoint), middleware, backend);
        return new Route("n", new RouteSpec("/", Set.of("GET")), endpoint, pipeline);
    }

    private static RequestEnvelope request() {
        return RequestEnvelope.builder("x1", "GET", "/a").build();
    }

    @Test
    void requestSideRunsInDeclaredOrderResponseSideInReverse() {
        ResponseEnvelope response = executor.execute(
                route(List.of(recording("auth"), recording("filter"), recording("transform")), backend(201)), request());

        assertThat(response.status()).isEqualTo(201);
        assertThat(trace).containsExactly("auth:request", "filter:request", "transform:request", "backend",
                "transform:response", "filter:response", "auth:response");
    }

    @Test
    void aMiddlewareMayAnswerEarlyAndNothingAfterItRuns() {
        NamedMiddleware early = new NamedMiddleware("early", "test", (request, next) -> {
            trace.add("early");
            return ResponseEnvelope.of(409);
        });

        ResponseEnvelope response = executor.execute(route(List.of(recording("first"), early, recording("never")),
                backend(200)), request());

        assertThat(response.status()).isEqualTo(409);
        assertThat(trace).containsExactly("first:request", "early", "first:response");
    }

    @Test
    void aGatewayFailureIsRenderedAsItsProblem() {
        NamedMiddleware auth = new NamedMiddleware("auth", "test", (request, next) -> {
            throw new GatewayException(ProblemType.UNAUTHORIZED, "no credentials")
                    .withHeader("WWW-Authenticate", "Basic realm=\"harmony\"");
        });

        ResponseEnvelope response = executor.execute(route(List.of(auth), backend(200)), request());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().first("WWW-Authenticate")).contains("Basic realm=\"harmony\"");
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(new String(response.body().bytes(), StandardCharsets.UTF_8))
                .contains("\"type\":\"urn:harmonyee:problem:unauthorized\"").contains("\"exchange_id\":\"x1\"");
        assertThat(trace).isEmpty();
    }

    @Test
    void anyOtherMiddlewareExceptionIsA500WithoutItsMessage() {
        NamedMiddleware broken = new NamedMiddleware("broken", "test", (request, next) -> {
            throw new IllegalStateException("secret internals");
        });

        ResponseEnvelope response = executor.execute(route(List.of(broken), backend(200)), request());

        assertThat(response.status()).isEqualTo(500);
        String body = new String(response.body().bytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("middleware-failure").contains("'broken'").doesNotContain("secret internals");
    }

    @Test
    void noBackendAnswers200WithAnEmptyBody() {
        ResponseEnvelope response = executor.execute(route(List.of(recording("only")), null), request());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().length()).isZero();
    }

    @Test
    void aMiddlewareSeesAndChangesTheNormalizedJson() {
        NamedMiddleware rename = new NamedMiddleware("rename", "test", (request, next) -> {
            request.normalized(JsonNodeFactory.instance.objectNode().put("renamed", true));
            return next.proceed(request);
        });
        RequestEnvelope request = request();
        request.body(Body.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        request.normalizedFromBody(Json.MAPPER.createObjectNode().put("a", 1));
        assertThat(request.normalizedChanged()).isFalse();

        executor.execute(route(List.of(rename), backend(200)), request);

        assertThat(request.normalizedChanged()).isTrue();
        assertThat(request.normalized().orElseThrow().get("renamed").asBoolean()).isTrue();
    }

    @Test
    void rightSideMiddlewareSeesTheBackendsAnswerNormalizedOnDemand(@TempDir Path spool) {
        Endpoint endpoint = new PathPrefixEndpoint("e", "test", new RouteSpec("/", RouteSpec.ALL_METHODS),
                new ContentNormalizer(ContentLimits.defaults(), spool)) {
        };
        Backend xmlBackend = new Backend() {
            @Override
            public String name() {
                return "xml";
            }

            @Override
            public String service() {
                return "test";
            }

            @Override
            public ResponseEnvelope invoke(RequestEnvelope request) {
                byte[] xml = "<patient id=\"p1\"><name>Doe</name></patient>".getBytes(StandardCharsets.UTF_8);
                return new ResponseEnvelope(200, new Headers().set("Content-Type", "application/xml"),
                        Body.stream(new ByteArrayInputStream(xml), xml.length));
            }
        };
        NamedMiddleware reader = new NamedMiddleware("reader", "test", (request, next) -> {
            ResponseEnvelope response = next.proceed(request);
            trace.add(response.normalized().orElseThrow().get("patient").get("@id").asText());
            return response;
        });
        Pipeline pipeline = new Pipeline("p", "", List.of("n"), List.of(endpoint), List.of(reader), xmlBackend);
        Route route = new Route("n", endpoint.routes().get(0), endpoint, pipeline);

        ResponseEnvelope response = executor.execute(route, RequestEnvelope.builder("x", "GET", "/a").build());

        assertThat(trace).containsExactly("p1");
        assertThat(new String(response.body().bytes(), StandardCharsets.UTF_8)).contains("<name>Doe</name>");
    }
}
