package org.harmonyee.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large bodies stream through the passthrough pipeline both ways (50 MB, with a declared length
 * and chunked), and an oversized chunked upload is cut off with 413.
 */
@ExtendWith(ArquillianExtension.class)
class StreamingIT {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private static UpstreamServer upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startUpstream() throws IOException {
        upstream = UpstreamServer.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @Test
    void fiftyMegabytesUploadStreamsToTheBackend() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/api/digest"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(FIFTY_MB)), FIFTY_MB))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"size\":" + FIFTY_MB).contains(expectedDigest(FIFTY_MB));
    }

    @Test
    void fiftyMegabytesChunkedUploadStreamsToTheBackend() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/api/digest"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(FIFTY_MB)))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"method\":\"PUT\"").contains(expectedDigest(FIFTY_MB));
    }

    @Test
    void fiftyMegabytesDownloadStreamsToTheClient() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/api/large?size=" + FIFTY_MB))
                .build();

        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest digest = UpstreamServer.sha256();
        long size = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        assertThat(size).isEqualTo(FIFTY_MB);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(expectedDigest(FIFTY_MB));
    }

    @Test
    void oversizedChunkedUploadIsCutOffWith413() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.publicUrl() + "/limited"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(4096)))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:harmonyee:problem:payload-too-large");
    }

    private static String expectedDigest(long size) throws IOException {
        MessageDigest digest = UpstreamServer.sha256();
        try (InputStream in = new PatternStream(size)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The upstream's deterministic byte pattern as a stream of the given length. */
    static final class PatternStream extends InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? UpstreamServer.patternByte(position++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = UpstreamServer.patternByte(position++);
            }
            return n;
        }
    }
}
