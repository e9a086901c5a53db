package org.harmonyee.services.http;

import org.harmonyee.core.health.Probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Probes an HTTP target with a GET of its health path; healthy when it answers the expected status. */
final class HttpGetProbe implements Probe {

    private final URI uri;
    private final int expectedStatus;

    HttpGetProbe(URI uri, int expectedStatus) {
        this.uri = uri;
        this.expectedStatus = expectedStatus;
    }

    @Override
    public String check(Duration timeout) throws InterruptedException {
        try {
            HttpResponse<Void> response = Client.SHARED.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == expectedStatus ? null
                    : "health check " + uri + " answered " + response.statusCode();
        } catch (IOException e) {
            return "health check " + uri + " failed: " + e;
        }
    }

    /** One client for every probe, made on the first check (a configuration only validated makes none). */
    private static final class Client {
        static final HttpClient SHARED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
