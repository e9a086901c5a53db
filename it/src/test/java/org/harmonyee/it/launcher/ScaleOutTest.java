package org.harmonyee.it.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out as docs/scaling.md describes it, on one machine: two gateway nodes started with
 * {@code ./harmony run}, each its own server, behind nginx as the load balancer, sharing one
 * PostgreSQL as their default datasource and one storage folder. A JMIX package node A builds is
 * served by node B (the index in the database, the zip in the shared folder). Under load through the balancer,
 * one node's JVM is killed (SIGKILL): every request gets an answer, none is lost without an error
 * status, no GET fails at all (the balancer passes it to the other node, so a GET the dead node had
 * already forwarded may reach the service twice), a POST is never sent twice (502 when the node
 * died holding it), and the other node keeps serving everything after.
 */
class ScaleOutTest {

    private static final String MOCK_STUDY_UID = "1.2.826.0.1.3680043.9.7133.3280065491876470";
    /** Two servers start at once on the machine: twice the launcher tests' budget. */
    private static final Duration STARTUP = LaunchedGateway.STARTUP.multipliedBy(2);
    private static final int CLIENTS = 8;
    private static final Duration LOAD = Duration.ofSeconds(16);
    private static final Duration KILL_AFTER = Duration.ofSeconds(5);
    /** After the kill, the balancer has marked the dead node down within this (its connect timeout and more). */
    private static final Duration SETTLED = Duration.ofSeconds(4);

    @TempDir
    Path directory;

    private final List<AutoCloseable> started = new ArrayList<>();
    private HttpServer upstream;
    private final Map<String, Integer> received = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void aNodeKilledUnderLoadLosesNoAcceptedRequestAndTheOtherKeepsServing() throws Exception {
        PostgresServer postgres = PostgresServer.start(directory.resolve("postgres"));
        started.add(postgres);
        upstream = startUpstream();
        Path shared = Files.createDirectories(directory.resolve("shared-storage"));
        Map<String, String> database = Map.of("HARMONY_DATABASE_URL", postgres.jdbcUrl(),
                "HARMONY_DATABASE_USER", PostgresServer.USER, "HARMONY_DATABASE_PASSWORD", PostgresServer.PASSWORD);

        int portA = LaunchedGateway.freePort();
        int portB = LaunchedGateway.freePort();
        LaunchedGateway nodeA = LaunchedGateway.start(writeConfig("node-a", portA, shared), directory.resolve("state-a"), database);
        started.add(nodeA);
        LaunchedGateway nodeB = LaunchedGateway.start(writeConfig("node-b", portB, shared), directory.resolve("state-b"), database);
        started.add(nodeB);
        nodeA.readUntil("Harmony EE ready", STARTUP);
        nodeB.readUntil("Harmony EE ready", STARTUP);
        NginxBalancer balancer = NginxBalancer.start(directory.resolve("nginx"), List.of(portA, portB));
        started.add(balancer);

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<byte[]> built = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA
                + "/jmix/api/jmix?studyInstanceUid=" + MOCK_STUDY_UID)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(built.statusCode()).as("node A builds the study's JMIX package").isEqualTo(200);
        String packageId = manifestId(built.body());
        HttpResponse<byte[]> fromB = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB
                + "/jmix/api/jmix/" + packageId)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fromB.statusCode()).as("node B finds node A's package in the shared index and store").isEqualTo(200);
        assertThat(fromB.body()).isEqualTo(built.body());

        List<Outcome> outcomes = underLoad(URI.create("http://127.0.0.1:" + balancer.port() + "/api/"), nodeA);

        long killedAt = outcomes.stream().filter(o -> o.kind == Kind.KILL).findFirst().orElseThrow().startedAt;
        List<Outcome> requests = outcomes.stream().filter(o -> o.kind != Kind.KILL).toList();
        System.out.printf("scale-out: %d requests through nginx in %d s (%d GET, %d POST), node A killed after %d s;"
                        + " answered 200: %d, 502: %d, no answer: %d; GETs the service saw twice: %d%n",
                requests.size(), LOAD.toSeconds(), requests.stream().filter(o -> o.kind == Kind.GET).count(),
                requests.stream().filter(o -> o.kind == Kind.POST).count(), KILL_AFTER.toSeconds(),
                requests.stream().filter(o -> o.status == 200).count(),
                requests.stream().filter(o -> o.status == 502).count(),
                requests.stream().filter(o -> o.failure != null).count(),
                requests.stream().filter(o -> o.kind == Kind.GET && received.getOrDefault(o.id, 0) > 1).count());
        assertThat(requests).filteredOn(o -> o.startedAt < killedAt).as("requests under way before the kill")
                .hasSizeGreaterThan(2 * CLIENTS);
        assertThat(requests).as("every request answered (no reset, no timeout)").allMatch(o -> o.failure == null);
        assertThat(requests).filteredOn(o -> o.kind == Kind.GET).as("GETs: the balancer passes them to the live node")
                .allMatch(o -> o.status == 200);
        assertThat(requests).filteredOn(o -> o.kind == Kind.POST).as("POSTs: served, or 502 when the node died holding them")
                .allMatch(o -> o.status == 200 || o.status == 502);
        assertThat(requests).filteredOn(o -> o.status == 200).as("every answered request reached the upstream")
                .allMatch(o -> received.getOrDefault(o.id, 0) >= 1);
        assertThat(requests).filteredOn(o -> o.kind == Kind.POST).as("no POST reached the upstream twice")
                .allMatch(o -> received.getOrDefault(o.id, 0) <= 1);
        assertThat(requests).filteredOn(o -> o.status == 502).as("a POST answered 502 was sent around the kill")
                .allMatch(o -> Math.abs(o.startedAt - killedAt) <= SETTLED.toNanos());
        List<Outcome> afterwards = requests.stream().filter(o -> o.startedAt > killedAt + SETTLED.toNanos()).toList();
        assertThat(afterwards).as("the other node keeps serving").hasSizeGreaterThan(2 * CLIENTS).allMatch(o -> o.status == 200);
        assertThat(nodeB.console()).as("node B served before and after the kill")
                .anyMatch(line -> line.contains("/api/") && line.contains("-> 200"));
        assertThat(nodeA.console()).as("node A served before the kill")
                .anyMatch(line -> line.contains("/api/") && line.contains("-> 200"));
        assertThat(auditedByNode(postgres)).as("both nodes' audit records in the one AUDIT_EVENT table")
                .containsOnlyKeys("node-a", "node-b").allSatisfy((node, rows) -> assertThat(rows).isPositive());
    }

    /** The package id its manifest.json states. */
    private static String manifestId(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    return new ObjectMapper().readTree(in.readAllBytes()).path("id").asText();
                }
            }
        }
        throw new AssertionError("no manifest.json in the package");
    }

    /**
     * The audit rows of /api exchanges per node, read from the shared database once node B's
     * writer has caught up (it inserts within a fraction of a second of each exchange).
     */
    private static Map<String, Long> auditedByNode(PostgresServer postgres) throws Exception {
        Map<String, Long> rows = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            rows.clear();
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
                 ResultSet counted = db.createStatement().executeQuery("SELECT AUDIT_SOURCE_ID, COUNT(*) FROM AUDIT_EVENT"
                         + " WHERE PATH LIKE '/api/%' GROUP BY AUDIT_SOURCE_ID")) {
                while (counted.next()) {
                    rows.put(counted.getString(1), counted.getLong(2));
                }
            }
            Thread.sleep(200);
        } while (rows.size() < 2 && System.nanoTime() < deadline);
        return rows;
    }

    /**
     * CLIENTS threads send GETs and POSTs through the balancer for LOAD, each with its own id;
     * KILL_AFTER in, node A is killed. Every outcome is kept, the kill's too.
     */
    private List<Outcome> underLoad(URI base, LaunchedGateway nodeA) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Queue<Outcome> all = new ConcurrentLinkedQueue<>();
        AtomicLong ids = new AtomicLong();
        long start = System.nanoTime();
        long end = start + LOAD.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Kind kind = c % 2 == 0 ? Kind.GET : Kind.POST;
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        all.add(send(client, base, kind, "r" + ids.incrementAndGet()));
                    }
                    return null;
                }));
            }
            Thread.sleep(KILL_AFTER.toMillis());
            all.add(new Outcome(Kind.KILL, "kill", System.nanoTime(), 0, null));
            nodeA.crash();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return List.copyOf(all);
    }

    private static Outcome send(HttpClient client, URI base, Kind kind, String id) {
        long startedAt = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("item?id=" + id))
                .timeout(Duration.ofSeconds(30)).header("X-Test-Id", id);
        request = kind == Kind.GET ? request.GET()
                : request.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\"}"))
                        .header("Content-Type", "application/json");
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && !response.body().equals("seen " + id)) {
                return new Outcome(kind, id, startedAt, response.statusCode(),
                        new IOException("answer for another request: " + response.body()));
            }
            return new Outcome(kind, id, startedAt, response.statusCode(), null);
        } catch (IOException | InterruptedException e) {
            return new Outcome(kind, id, startedAt, 0, e);
        }
    }

    /** The service behind both nodes: counts each request by its id, answers "seen ID" after 5 ms. */
    private HttpServer startUpstream() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/item", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String id = exchange.getRequestHeaders().getFirst("X-Test-Id");
            received.merge(id, 1, Integer::sum);
            sleep(5);
            respond(exchange, ("seen " + id).getBytes(StandardCharsets.US_ASCII));
        });
        server.start();
        return server;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Path writeConfig(String node, int port, Path shared) throws IOException {
        Path folder = Files.createDirectories(directory.resolve(node));
        Path pipelines = Files.createDirectories(folder.resolve("pipelines"));
        Files.writeString(pipelines.resolve("api.toml"), """
                [pipelines.api]
                networks = ["public"]
                endpoints = ["api_http"]
                backends = ["service"]
                [endpoints.api_http]
                service = "http"
                path_prefix = "/api"
                [backends.service]
                service = "http"
                base_url = "http://127.0.0.1:%d"
                """.formatted(upstream.getAddress().getPort()));
        Files.writeString(pipelines.resolve("jmix.toml"), """
                [pipelines.jmix]
                networks = ["public"]
                endpoints = ["jmix_http"]
                middleware = ["builder"]
                backends = ["pacs_%1$s"]
                [endpoints.jmix_http]
                service = "jmix"
                [endpoints.jmix_http.options]
                path_prefix = "/jmix"
                [middleware.builder]
                type = "jmix_builder"
                [middleware.builder.options]
                sender_id = "org:scale-out-test"
                sender_name = "Scale-out test %1$s"
                [backends.pacs_%1$s]
                service = "mock_dicom"
                """.formatted(node.replace('-', '_')));
        return Files.writeString(folder.resolve("config.toml"), """
                [proxy]
                id = "%s"
                pipelines_path = "pipelines"
                [network.public.http]
                bind_address = "127.0.0.1"
                bind_port = %d
                [storage.options]
                path = "%s"
                [audit]
                path = "%s"
                database = true
                """.formatted(node, port, shared, folder.resolve("audit.jsonl")));
    }

    private enum Kind { GET, POST, KILL }

    private record Outcome(Kind kind, String id, long startedAt, int status, Exception failure) {
    }
}
