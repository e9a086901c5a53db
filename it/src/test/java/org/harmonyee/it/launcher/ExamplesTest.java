package org.harmonyee.it.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.it.FhirServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example under {@code examples/} as its README runs it: {@code ./harmony run --config
 * examples/NAME/config.toml} on free ports (HARMONY_HTTP_PORT and the peers' variables), then the
 * README's requests, answered as the README says. One launch of Payara Micro per example.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path state;

    /** HTTP/1.1, as curl speaks to an http:// URL (the Java client would otherwise try an h2c upgrade). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LaunchedGateway gateway;
    private String base;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
    }

    private void launch(String example, Map<String, String> peers) throws Exception {
        int port = LaunchedGateway.freePort();
        Map<String, String> environment = new HashMap<>(peers);
        environment.put("HARMONY_HTTP_PORT", String.valueOf(port));
        gateway = LaunchedGateway.start(EXAMPLES.resolve(example).resolve("config.toml"), state, environment);
        gateway.readUntil("Harmony EE ready", LaunchedGateway.STARTUP);
        base = "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void echo() throws Exception {
        launch("echo", Map.of());

        JsonNode get = json(send(to("/echo/hello?name=world")));
        assertThat(get.get("method").asText()).isEqualTo("GET");
        assertThat(get.get("path").asText()).isEqualTo("/hello");
        assertThat(get.get("full_path").asText()).isEqualTo("/echo/hello?name=world");
        assertThat(get.at("/query/name/0").asText()).isEqualTo("world");
        assertThat(get.at("/metadata/mw_left").asText()).isEqualTo("true");

        JsonNode post = json(send(to("/echo/messages").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}"))));
        assertThat(post.get("method").asText()).isEqualTo("POST");
        assertThat(post.at("/body/hello").asText()).isEqualTo("world");

        JsonNode put = json(send(to("/api/items/1").header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString("id,name\n1,Ann\n"))));
        assertThat(put.get("method").asText()).isEqualTo("PUT");
        assertThat(put.get("path").asText()).isEqualTo("/items/1");
        assertThat(put.at("/body/0/name").asText()).isEqualTo("Ann");

        assertThat(send(to("/echo/x").PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
    }

    @Test
    void httpPassthrough() throws Exception {
        int upstreamPort = LaunchedGateway.freePort();
        HttpServer upstream = fileServer(EXAMPLES.resolve("http_passthrough/site"), upstreamPort);
        try {
            launch("http_passthrough", Map.of("UPSTREAM_URL", "http://127.0.0.1:" + upstreamPort));

            HttpResponse<String> data = send(to("/api/data.json"));
            assertThat(data.statusCode()).isEqualTo(200);
            assertThat(data.body()).isEqualTo(Files.readString(EXAMPLES.resolve("http_passthrough/site/data.json")));

            HttpResponse<String> html = send(to("/api/index.html"));
            assertThat(html.headers().firstValue("Content-Type")).contains("text/html");
            assertThat(html.body()).contains("<h1>Served by the upstream server</h1>");

            assertThat(send(to("/api/missing.txt")).statusCode()).isEqualTo(404);
        } finally {
            upstream.stop(0);
        }
        HttpResponse<String> down = send(to("/api/data.json"));
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(down.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void transform() throws Exception {
        launch("transform", Map.of());

        JsonNode ann = json(send(to("/transform/patients").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"p1\",\"given\":\"Ann\",\"family\":\"Doe\",\"born\":\"1970-01-01\",\"sex\":\"F\"}"))));
        assertThat(ann.path("resourceType").asText()).as(ann.toString()).isEqualTo("Patient");
        assertThat(ann.get("id").asText()).isEqualTo("p1");
        assertThat(ann.at("/name/0/given/0").asText()).isEqualTo("Ann");
        assertThat(ann.at("/name/0/family").asText()).isEqualTo("Doe");
        assertThat(ann.get("birthDate").asText()).isEqualTo("1970-01-01");
        assertThat(ann.get("gender").asText()).isEqualTo("female");
        assertThat(ann.at("/meta/source").asText()).isEqualTo("/transform/patients");
        assertThat(ann.has("method")).as("the echo around the Patient is gone").isFalse();

        JsonNode bo = json(send(to("/transform/patients").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"p2\",\"given\":\"Bo\",\"family\":\"Lee\",\"sex\":\"M\"}"))));
        assertThat(bo.path("gender").asText()).as(bo.toString()).isEqualTo("male");
        assertThat(bo.at("/name/0/family").asText()).isEqualTo("Lee");

        HttpResponse<String> malformed = send(to("/transform/patients").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void jwt() throws Exception {
        launch("jwt", Map.of());

        HttpResponse<String> anonymous = send(to("/api/hello"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer realm=\"harmony\""));

        String token = mintToken("ann");
        JsonNode echo = json(send(to("/api/hello").header("Authorization", "Bearer " + token)));
        assertThat(echo.get("path").asText()).isEqualTo("/hello");
        assertThat(echo.at("/metadata/jwt.sub").asText()).isEqualTo("ann");
        assertThat(echo.at("/metadata/auth.user").asText()).isEqualTo("ann");

        assertThat(send(to("/api/hello").header("Authorization", "Bearer " + token + "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void fhir() throws Exception {
        int serverPort = LaunchedGateway.freePort();
        try (FhirServer server = FhirServer.on(serverPort)) {
            launch("fhir", Map.of("FHIR_SERVER_URL", "http://127.0.0.1:" + serverPort + "/fhir"));
            String credentials = "Basic " + Base64.getEncoder().encodeToString(
                    "clinician:harmony-example".getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> anonymous = send(to("/fhir/Patient"));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(json(anonymous).at("/issue/0/code").asText()).isEqualTo("security");

            HttpResponse<String> created = send(to("/fhir/Patient").header("Authorization", credentials)
                    .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Doe\",\"given\":[\"Ann\"]}]}")));
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).startsWith(base + "/fhir/Patient/1"));

            JsonNode bundle = json(send(to("/fhir/Patient?family=Doe").header("Authorization", credentials)));
            assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
            assertThat(bundle.at("/entry/0/fullUrl").asText()).isEqualTo(base + "/fhir/Patient/1");

            HttpResponse<String> filtered = send(to("/fhir/Observation").header("Authorization", credentials));
            assertThat(filtered.statusCode()).isEqualTo(404);
            assertThat(json(filtered).at("/issue/0/code").asText()).isEqualTo("not-found");
        }
    }

    /** The README's {@code examples/jwt/mint-token.sh SUBJECT}. */
    private static String mintToken(String subject) throws IOException, InterruptedException {
        Process mint = new ProcessBuilder("bash", EXAMPLES.resolve("jwt/mint-token.sh").toString(), subject).start();
        String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(mint.waitFor()).as(new String(mint.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return token;
    }

    /** What {@code python3 -m http.server} does for the README: the folder's files, 404 for others. */
    private static HttpServer fileServer(Path folder, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
        server.createContext("/", exchange -> {
            Path file = folder.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            boolean found = file.startsWith(folder) && Files.isRegularFile(file);
            byte[] body = found ? Files.readAllBytes(file) : "not found".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", !found ? "text/plain"
                    : file.toString().endsWith(".json") ? "application/json" : "text/html");
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
