package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.dicom.net.TestThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code dicomweb} backend against a DICOMweb server written for the test on the JDK's HTTP
 * server, which pauses mid-answer (or mid-upload) until the other side shows what it has received:
 * the first part of a retrieval, the first instance of a metadata answer, and the first part of a
 * STOW-RS upload each cross the gateway before the last is sent. Also the server's error statuses
 * as the caller's problems.
 */
@Timeout(120)
class DicomWebBackendStreamingTest {

    private static final String BOUNDARY = "upstream-boundary";
    private static final String FIRST = "FIRST-PART-CONTENT";
    private static final String SECOND = "SECOND-PART-CONTENT";

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static HttpServer server;
    private static String base;
    private static DicomWebGateway gateway;
    /** Counted down by the test once it has what the server sent before its pause. */
    private static volatile CountDownLatch seen;
    /** Whether the server's pause ended because the test saw the first half (not by its timeout). */
    private static final AtomicBoolean seenInTime = new AtomicBoolean();
    /** Whether the gateway dropped the connection of a retrieval it stopped reading. */
    private static final AtomicBoolean restDropped = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("dicomweb-streaming");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads.executor());
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web";
        server.createContext("/dicom-web/studies/1.2/series/3.4", DicomWebBackendStreamingTest::retrieveSeries);
        server.createContext("/dicom-web/studies/1.2/series/3.5", DicomWebBackendStreamingTest::retrieveLongSeries);
        server.createContext("/dicom-web/studies/1.2/metadata", DicomWebBackendStreamingTest::retrieveMetadata);
        server.createContext("/dicom-web/studies", DicomWebBackendStreamingTest::storeInstances);
        server.createContext("/dicom-web/studies/9.", DicomWebBackendStreamingTest::fail);
        server.start();
        gateway = OrthancDicomWebBackendTest.proxy(directory, threads, base, "", "", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        server.stop(0);
        threads.close();
    }

    private static void pause() {
        try {
            seenInTime.set(seen.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void retrieveSeries(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(part(FIRST));
            out.flush();
            pause();
            out.write(part(SECOND));
            out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The first part, the pause, then 64 MiB more parts: written only if the gateway still reads them. */
    private static void retrieveLongSeries(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(part(FIRST));
        out.flush();
        pause();
        byte[] more = part("x".repeat(1 << 20));
        try {
            for (int i = 0; i < 64; i++) {
                out.write(more);
                out.flush();
            }
            out.close();
        } catch (IOException e) {
            restDropped.set(true);
        }
        exchange.close();
    }

    private static byte[] part(String content) {
        return ("--" + BOUNDARY + "\r\nContent-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\n"
                + content + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void retrieveMetadata(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/dicom+json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(("[" + instance("5.6", "1.50")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pause();
            out.write(("," + instance("5.7", "60.0") + "]").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String instance(String uid, String sliceThickness) {
        return "{\"00080018\": {\"vr\": \"UI\", \"Value\": [\"" + uid + "\"]}, \"00180050\": {\"vr\": \"DS\", \"Value\": ["
                + sliceThickness + "]}, \"7FE00010\": {\"vr\": \"OW\", \"BulkDataURI\": \"" + base
                + "/studies/1.2/series/3.4/instances/" + uid + "/bulk/7fe00010\"}}";
    }

    /** Reads the upload up to the end of its first part, lets the test go on, then answers once the rest came. */
    private static void storeInstances(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        StringBuilder received = new StringBuilder();
        while (!received.toString().contains(FIRST)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            received.append((char) b);
        }
        seen.countDown();
        received.append(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        boolean whole = received.toString().contains(SECOND);
        byte[] answer = ("{\"00081190\": {\"vr\": \"UR\", \"Value\": [\"" + base + "/studies/1.2\"]}, \"00081199\": {\"vr\": \"SQ\","
                + " \"Value\": [{\"00081190\": {\"vr\": \"UR\", \"Value\": [\"" + base + "/studies/1.2/series/3.4/instances/5.6\"]}}]}}")
                .getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "application/dicom+json");
        exchange.sendResponseHeaders(whole ? 200 : 400, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** {@code /studies/9.{status}/...}: that status, as a server's error page. */
    private static void fail(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status = Integer.parseInt(path.substring("/dicom-web/studies/9.".length(), path.indexOf('/', "/dicom-web/studies/9.".length())));
        byte[] page = ("<html>error " + status + " at org.example.Server.handle</html>").getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        if (status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "7");
        }
        exchange.sendResponseHeaders(status, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
    }

    @Test
    void theFirstPartOfARetrievalReachesTheCallerBeforeTheServerSendsTheLast() throws Exception {
        seen = new CountDownLatch(1);
        ResponseEnvelope response = gateway.exchange("GET", "/studies/1.2/series/3.4", Body.empty(), "Accept",
                "multipart/related; type=\"application/dicom\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
        try (InputStream body = DicomWebGateway.render(response).open()) {
            String first = readUntil(body, FIRST);
            seen.countDown();
            String rest = new String(body.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(seenInTime).isTrue();
            assertThat(first + rest).isEqualTo(new String(part(FIRST), StandardCharsets.US_ASCII)
                    + new String(part(SECOND), StandardCharsets.US_ASCII) + "--" + BOUNDARY + "--\r\n");
        }
    }

    /** A HEAD, like a caller who goes away, ends the server's answer: the connection is dropped, not drained. */
    @Test
    void aRetrievalNoLongerReadIsDroppedAtTheServer() throws Exception {
        seen = new CountDownLatch(1);
        DicomWebGateway.Answer head = gateway.send("HEAD", "/studies/1.2/series/3.5");
        seen.countDown();

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(seenInTime).isTrue();
        for (int i = 0; i < 100 && !restDropped.get(); i++) {
            Thread.sleep(100);
        }
        assertThat(restDropped).isTrue();
    }

    @Test
    void theFirstInstancesMetadataReachesTheCallerRewrittenBeforeTheServerSendsTheNext() throws Exception {
        seen = new CountDownLatch(1);
        ResponseEnvelope response = gateway.exchange("GET", "/studies/1.2/metadata", Body.empty(), "Host", "viewer.example");

        assertThat(response.status()).isEqualTo(200);
        try (InputStream body = DicomWebGateway.render(response).open()) {
            String first = readUntil(body, "7fe00010\"}}");
            seen.countDown();
            JsonNode metadata = Json.parse((first + new String(body.readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(seenInTime).isTrue();
            assertThat(metadata.get(0).path("7FE00010").path("BulkDataURI").asText())
                    .isEqualTo("http://viewer.example/dicom-web/studies/1.2/series/3.4/instances/5.6/bulk/7fe00010");
            assertThat(metadata.get(1).path("7FE00010").path("BulkDataURI").asText())
                    .isEqualTo("http://viewer.example/dicom-web/studies/1.2/series/3.4/instances/5.7/bulk/7fe00010");
            assertThat(first).contains("[1.50]");
        }
    }

    @Test
    void anUploadsFirstPartReachesTheServerBeforeTheCallerSendsTheLast() throws Exception {
        seen = new CountDownLatch(1);
        AtomicBoolean reachedInTime = new AtomicBoolean();
        PipedOutputStream caller = new PipedOutputStream();
        PipedInputStream upload = new PipedInputStream(caller, 64 * 1024);
        Thread sender = new Thread(() -> {
            try (caller) {
                caller.write(part(FIRST));
                caller.flush();
                reachedInTime.set(seen.await(20, TimeUnit.SECONDS));
                caller.write(part(SECOND));
                caller.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();

        DicomWebGateway.Answer stored = gateway.post("/studies", Body.stream(upload, -1), "Content-Type",
                "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY, "Host", "viewer.example");
        sender.join();

        assertThat(reachedInTime).isTrue();
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
        JsonNode response = Json.parse(stored.body());
        assertThat(response.path("00081190").path("Value").path(0).asText()).isEqualTo("http://viewer.example/dicom-web/studies/1.2");
        assertThat(response.path("00081199").path("Value").path(0).path("00081190").path("Value").path(0).asText())
                .isEqualTo("http://viewer.example/dicom-web/studies/1.2/series/3.4/instances/5.6");
    }

    @Test
    void theServersErrorsAreProblemsWithAnHonestStatus() {
        Map<Integer, Integer> statuses = Map.of(400, 400, 404, 404, 410, 404, 401, 502, 403, 502, 500, 502, 501, 501,
                502, 502, 503, 503, 504, 504);
        statuses.forEach((upstream, expected) -> {
            DicomWebGateway.Answer answer = gateway.get("/studies/9." + upstream + "/metadata");
            assertThat(answer.status()).as("upstream " + upstream).isEqualTo(expected);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.text()).contains("answered " + upstream).doesNotContain("org.example", "<html>");
        });
        assertThat(gateway.get("/studies/9.503/metadata").header("Retry-After")).isEqualTo("7");
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder read = new StringBuilder();
        while (!read.toString().contains(marker)) {
            int b = in.read();
            assertThat(b).as("the body ended before " + marker).isNotNegative();
            read.append((char) b);
        }
        return read.toString();
    }
}
