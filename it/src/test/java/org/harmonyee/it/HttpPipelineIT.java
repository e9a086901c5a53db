package org.harmonyee.it;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The echo and passthrough pipelines, their failures and limits, over real HTTP. */
@ExtendWith(ArquillianExtension.class)
class HttpPipelineIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String FORM_TEXT = "name=DOE%5EJOHN&birth=1970-01-01&note=two+words";
    private static final byte[] FORM_BODY = FORM_TEXT.getBytes(StandardCharsets.US_ASCII);

    private static UpstreamServer upstream;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startUpstream() throws IOException {
        upstream = UpstreamServer.start();
        RestAssured.baseURI = Gateway.publicUrl();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Test
    void echoAnswersTheRequestAsJson() {
        Response response = given().urlEncodingEnabled(false).header("X-Test", "yes")
                .get("/echo/patients/7?a=1&a=2&name=DOE%5EJOHN");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("X-Exchange-Id")).matches("[0-9a-f]{16}");
        assertThat(response.jsonPath().getString("method")).isEqualTo("GET");
        assertThat(response.jsonPath().getString("path")).isEqualTo("/patients/7");
        assertThat(response.jsonPath().getString("full_path")).isEqualTo("/echo/patients/7?a=1&a=2&name=DOE%5EJOHN");
        assertThat(response.jsonPath().getList("query.a")).containsExactly("1", "2");
        assertThat(response.jsonPath().getList("query.name")).containsExactly("DOE^JOHN");
        assertThat(response.jsonPath().getString("headers.x-test")).isEqualTo("yes");
        assertThat(response.jsonPath().getString("metadata.pipeline")).isEqualTo("echo");
        assertThat(response.jsonPath().getString("metadata.network")).isEqualTo("public");
    }

    @Test
    void echoCarriesTheNormalizedJsonBody() {
        Response response = given().contentType("application/json").body("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")
                .post("/echo");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getMap("body")).containsEntry("resourceType", "Patient").containsEntry("id", "p1");
    }

    @Test
    void everyMethodReachesThePipeline() {
        for (String method : List.of("PUT", "PATCH", "DELETE", "OPTIONS")) {
            Response response = given().request(method, "/echo/x");
            assertThat(response.statusCode()).as(method).isEqualTo(200);
            assertThat(response.jsonPath().getString("method")).as(method).isEqualTo(method);
        }
        Response head = given().head("/echo/x");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.asByteArray()).isEmpty();
    }

    @Test
    void unquotedMediaTypeParametersReachThePipeline() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/echo/studies"))
                .header("Accept", "multipart/related; type=application/octet-stream; transfer-syntax=*")
                .header("Content-Type", "application/json; profile=http://example.org/report")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonPath echoed = JsonPath.from(response.body());
        assertThat(echoed.getString("headers.accept"))
                .isEqualTo("multipart/related; type=\"application/octet-stream\"; transfer-syntax=*");
        assertThat(echoed.getString("headers.content-type"))
                .isEqualTo("application/json; profile=\"http://example.org/report\"");
        assertThat(echoed.getInt("body.a")).isEqualTo(1);
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        Response response = given().contentType("application/json").body("{\"a\":").post("/echo");

        assertProblem(response, 400, "malformed-request");
        assertThat(response.jsonPath().getString("detail")).contains("malformed JSON");
    }

    @Test
    void pipelineWithoutBackendAnswersEmpty200() {
        Response response = given().get("/nobackend/anything");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEmpty();
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        assertProblem(given().get("/nothing-serves-this"), 404, "not-found");
        assertProblem(given().get("/echoes"), 404, "not-found");
    }

    @Test
    void passthroughReturnsHtmlUntouched() {
        Response response = given().get("/api/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(response.asByteArray()).isEqualTo(UpstreamServer.HTML);
    }

    @Test
    void passthroughReturnsBinaryUntouched() {
        byte[] body = given().get("/api/binary").then().statusCode(200).extract().asByteArray();

        assertThat(body).hasSize(1024 * 1024);
        for (int i = 0; i < body.length; i++) {
            if (body[i] != UpstreamServer.patternByte(i)) {
                throw new AssertionError("byte " + i + " differs");
            }
        }
    }

    @Test
    void passthroughKeepsTheBackendsStatus() {
        Response created = given().post("/api/status/201");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/up/created/42");
        assertThat(created.asString()).isEqualTo("status 201");

        Response noContent = given().delete("/api/status/204");
        assertThat(noContent.statusCode()).isEqualTo(204);
        assertThat(noContent.asByteArray()).isEmpty();

        assertThat(given().get("/api/status/404").then().extract().statusCode()).isEqualTo(404);
        Response failed = given().get("/api/status/500");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.asString()).isEqualTo("status 500");
    }

    @Test
    void passthroughForwardsQueryAndEndToEndHeadersOnly() {
        Response response = given().header("X-Custom", "kept").header("Connection", "close, X-Drop")
                .header("X-Drop", "hop").header("Proxy-Authorization", "Basic secret")
                .urlEncodingEnabled(false).get("/api/headers?x=1&y=%20z");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> seen = response.jsonPath().getMap("headers");
        assertThat(seen).containsEntry("x-custom", "kept").containsEntry("x-forwarded-for", "127.0.0.1")
                .doesNotContainKeys("x-drop", "proxy-authorization");
        assertThat(response.jsonPath().getString("query")).isEqualTo("x=1&y=%20z");
    }

    @Test
    void formBodyReachesTheOriginByteForByte() throws Exception {
        Response whole = given().contentType(FORM).body(FORM_TEXT).post("/api/received");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.contentType()).startsWith(FORM);
        assertThat(whole.asByteArray()).isEqualTo(FORM_BODY);

        HttpResponse<byte[]> late = postFormAfterHeaders("/api/received");
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).isEqualTo(FORM_BODY);
    }

    @Test
    void formBodyReachesEchoWhole() throws Exception {
        Map<String, String> fields = Map.of("name", "DOE^JOHN", "birth", "1970-01-01", "note", "two words");
        Response whole = given().contentType(FORM).body(FORM_TEXT).post("/echo/form");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.jsonPath().<String, String>getMap("body")).isEqualTo(fields);

        HttpResponse<byte[]> late = postFormAfterHeaders("/echo/form");
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(new String(late.body(), StandardCharsets.UTF_8)).<String, String>getMap("body"))
                .isEqualTo(fields);
    }

    /**
     * The door never waits for a body a request does not have: the JDK client (and so
     * {@code ./harmony run}'s readiness probe) announces an h2c upgrade on plain HTTP, and a door
     * that asked the JAX-RS runtime for the entity of every request hung on such requests.
     */
    @Test
    void requestAnnouncingAnHttp2UpgradeIsAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (String method : List.of("GET", "HEAD", "DELETE")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/echo/upgrade"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(method).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Exchange-Id")).as(method).isPresent();
        }
    }

    /**
     * Posts {@link #FORM_BODY} with its Content-Length, the body sent 200 ms after the headers, as a
     * slow client's would be: the door finds no body bytes at hand when it starts.
     */
    private static HttpResponse<byte[]> postFormAfterHeaders(String path) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher late = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(FORM_BODY) {
                    private boolean waited;

                    @Override
                    public synchronized int read(byte[] buffer, int offset, int length) {
                        if (!waited) {
                            waited = true;
                            pause();
                        }
                        return super.read(buffer, offset, length);
                    }
                }), FORM_BODY.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + path))
                .header("Content-Type", FORM).POST(late).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void backendDownIsABadGatewayProblem() {
        Response response = given().get("/down/anything");

        assertProblem(response, 502, "backend-unreachable");
        assertThat(response.jsonPath().getString("detail")).contains("dead").contains("refused");
    }

    @Test
    void slowBackendIsAGatewayTimeoutProblem() {
        assertProblem(given().get("/api/slow"), 504, "backend-timeout");
    }

    @Test
    void bodyOverTheLimitIsRefusedAndTheGatewayStaysHealthy() {
        assertProblem(given().contentType("application/octet-stream").body(new byte[2048]).post("/limited"),
                413, "payload-too-large");
        assertThat(given().contentType("application/octet-stream").body(new byte[512]).post("/limited").statusCode())
                .isEqualTo(200);
        assertThat(given().get("/echo").statusCode()).isEqualTo(200);
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:harmonyee:problem:" + type);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("exchange_id")).matches("[0-9a-f]{16}");
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
