package org.harmonyee.it.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB upload and a 1 GiB download pass through the gateway's HTTP passthrough while its heap
 * is capped at 256 MB (the run's {@link LargeStudyGateway}, pipeline {@code big}): bodies are
 * streamed, never held. The upstream is a real HTTP server in this test that counts and checksums
 * what it receives, and sends a body it makes as it goes.
 */
@ExtendWith(LargeStudyGateway.Shared.class)
class LargeBodiesTest {

    private static final long ONE_GIB = 1L << 30;

    private HttpServer upstream;

    @AfterEach
    void stop() {
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void aGibibyteEachWayPassesThroughA256MbHeap(LargeStudyGateway gateway) throws Exception {
        upstream = startUpstream(gateway.upstreamPort());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = gateway.http("/big");

        HttpResponse<String> upload = client.send(HttpRequest.newBuilder(base.resolve("/big/sink"))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(ONE_GIB)), ONE_GIB))
                .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).isEqualTo(ONE_GIB + " " + PatternStream.checksum(ONE_GIB));

        HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(
                base.resolve("/big/source")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        try (InputStream body = download.body()) {
            assertThat(count(body)).isEqualTo(ONE_GIB + " " + PatternStream.checksum(ONE_GIB));
        }
        assertThat(gateway.console()).noneMatch(line -> line.contains("OutOfMemoryError"));
    }

    private static HttpServer startUpstream(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/sink", exchange -> {
            String received;
            try (InputStream in = exchange.getRequestBody()) {
                received = count(in);
            }
            respond(exchange, received.getBytes(StandardCharsets.US_ASCII));
        });
        server.createContext("/source", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, ONE_GIB);
            try (OutputStream out = exchange.getResponseBody(); InputStream in = new PatternStream(ONE_GIB)) {
                in.transferTo(out);
            }
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** "LENGTH CRC32" of a stream read to its end. */
    private static String count(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            crc.update(buffer, 0, n);
            total += n;
        }
        return total + " " + crc.getValue();
    }

    /** A long body made as it is read: byte i is (i * 31 + i / 4096) mod 256. */
    private static final class PatternStream extends InputStream {
        private final long length;
        private long position;

        PatternStream(long length) {
            this.length = length;
        }

        static long checksum(long length) throws IOException {
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[256 * 1024];
            try (InputStream in = new PatternStream(length)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                }
            }
            return crc.getValue();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                buffer[offset + i] = (byte) (at * 31 + at / 4096);
            }
            position += n;
            return n;
        }
    }
}
