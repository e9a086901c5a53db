package org.harmonyee.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server behind the passthrough pipeline, on the port the build reserved. Under
 * {@code /up}: html, binary, large (streamed, chunked), digest (hashes what it receives), received (answers
 * the request body it received, byte for byte, with its Content-Type), status/N, slow (answers after 4 s),
 * headers (what it received), bundle (a FHIR searchset) and entity (counts fetches).
 */
final class UpstreamServer implements AutoCloseable {

    static final byte[] HTML = "<!doctype html><html><body><h1>Harmony upstream</h1></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    static final byte[] BUNDLE = ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":2,\"entry\":["
            + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\"}},"
            + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p2\"}}]}").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicInteger entityFetches = new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    private UpstreamServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/up/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static UpstreamServer start() throws IOException {
        return new UpstreamServer(Gateway.port("IT_UPSTREAM_PORT"));
    }

    /** How often {@code /up/entity} was fetched: an XML parser resolving an external entity would. */
    int entityFetches() {
        return entityFetches.get();
    }

    /** The deterministic bytes of {@code /up/binary} and {@code /up/large}: byte i is (i * 31 + 7) mod 256. */
    static byte patternByte(long i) {
        return (byte) (i * 31 + 7);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String resource = path.substring("/up/".length());
            switch (resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource) {
                case "html" -> send(exchange, 200, "text/html; charset=utf-8", HTML);
                case "binary" -> stream(exchange, 1024 * 1024, true);
                case "large" -> stream(exchange, Long.parseLong(query(exchange, "size")), false);
                case "digest" -> digest(exchange);
                case "received" -> send(exchange, 200, String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                        exchange.getRequestBody().readAllBytes());
                case "status" -> status(exchange, Integer.parseInt(resource.substring("status/".length())));
                case "slow" -> slow(exchange);
                case "headers" -> headers(exchange);
                case "bundle" -> send(exchange, 200, "application/fhir+json", BUNDLE);
                case "entity" -> {
                    entityFetches.incrementAndGet();
                    send(exchange, 200, "text/plain", "fetched".getBytes(StandardCharsets.UTF_8));
                }
                default -> send(exchange, 404, "text/plain", "no such upstream resource".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void stream(HttpExchange exchange, long size, boolean declareLength) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, declareLength ? size : 0);
        byte[] block = new byte[64 * 1024];
        OutputStream out = exchange.getResponseBody();
        for (long written = 0; written < size; ) {
            int n = (int) Math.min(block.length, size - written);
            for (int i = 0; i < n; i++) {
                block[i] = patternByte(written + i);
            }
            out.write(block, 0, n);
            written += n;
        }
    }

    private static void digest(HttpExchange exchange) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String json = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"size\":" + size + ",\"sha256\":\""
                + HexFormat.of().formatHex(sha256.digest()) + "\",\"content_type\":\"" + type + "\"}";
        send(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void status(HttpExchange exchange, int status) throws IOException {
        if (status == 201) {
            exchange.getResponseHeaders().set("Location", "/up/created/42");
        }
        byte[] body = status == 204 ? new byte[0] : ("status " + status).getBytes(StandardCharsets.UTF_8);
        send(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void slow(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(4_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(exchange, 200, "text/plain", "finally".getBytes(StandardCharsets.UTF_8));
    }

    private static void headers(HttpExchange exchange) throws IOException {
        StringBuilder json = new StringBuilder("{\"method\":\"").append(exchange.getRequestMethod())
                .append("\",\"query\":\"").append(String.valueOf(exchange.getRequestURI().getRawQuery()))
                .append("\",\"headers\":{");
        String separator = "";
        for (var header : exchange.getRequestHeaders().entrySet()) {
            json.append(separator).append('"').append(header.getKey().toLowerCase(Locale.ROOT)).append("\":\"")
                    .append(String.join(", ", header.getValue()).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
            separator = ",";
        }
        json.append("}}");
        send(exchange, 200, "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String query(HttpExchange exchange, String name) {
        for (String pair : String.valueOf(exchange.getRequestURI().getQuery()).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("missing query parameter " + name);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
