package org.harmonyee.core.backend;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.ConfigDefaults;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.BodyLimit;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Backend;
import org.harmonyee.core.runtime.BuildContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Service {@code http}: passes the request to {@code base_url} + path + query with its method,
 * its headers minus hop-by-hop ones, and its body: the original bytes streamed untouched, or the
 * JSON a middleware put in place of the parsed body. The answer's status, headers and body come
 * back untouched and streamed.
 */
public final class HttpBackend implements Backend {

    public static final String SERVICE = "http";

    private final String name;
    private final URI baseUrl;
    private final Duration readTimeout;
    private final HttpClient client;

    public HttpBackend(String name, URI baseUrl, Duration connectTimeout, Duration readTimeout, Executor executor) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.readTimeout = readTimeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (executor != null) {
            builder.executor(executor);
        }
        this.client = builder.build();
    }

    public static HttpBackend create(ComponentConfig config, Options options, BuildContext context) {
        URI baseUrl = options.httpUrl("base_url");
        long connect = options.integer("connect_timeout_ms", ConfigDefaults.HTTP_CONNECT_TIMEOUT_MS, 1, 600_000);
        long read = options.integer("read_timeout_ms", ConfigDefaults.HTTP_READ_TIMEOUT_MS, 1, 3_600_000);
        return new HttpBackend(config.name(), baseUrl, Duration.ofMillis(connect), Duration.ofMillis(read),
                context.executor());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        URI target = target(request);
        HttpRequest.Builder outbound = HttpRequest.newBuilder(target).timeout(readTimeout);
        Set<String> hopByHop = HopByHop.of(request.headers());
        request.headers().forEach((header, values) -> {
            if (!HopByHop.contains(hopByHop, header)) {
                values.forEach(value -> addHeader(outbound, header, value));
            }
        });
        forwardedHeaders(request, outbound);
        outbound.method(request.method(), publisher(request, outbound));
        try {
            HttpResponse<InputStream> response = client.send(outbound.build(), HttpResponse.BodyHandlers.ofInputStream());
            return toEnvelope(response);
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(target, "connect timed out", e);
        } catch (HttpTimeoutException e) {
            throw new GatewayException(ProblemType.BACKEND_TIMEOUT, "backend '" + name + "' did not answer within "
                    + readTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw unreachable(target, "connection refused", e);
        } catch (IOException e) {
            GatewayException limit = BodyLimit.unwrap(e);
            if (limit != null) {
                throw limit;
            }
            throw unreachable(target, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "the call to backend '" + name
                    + "' was interrupted", e);
        }
    }

    private URI target(RequestEnvelope request) {
        String base = baseUrl.toString();
        String path = request.path();
        if (base.endsWith("/") && path.startsWith("/")) {
            path = path.substring(1);
        }
        String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
        try {
            return URI.create(base + path + query);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "the request path cannot be forwarded: "
                    + e.getMessage(), e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(RequestEnvelope request, HttpRequest.Builder outbound) {
        if (request.normalizedChanged()) {
            String type = request.contentType().filter(value -> MediaTypes.isJson(MediaTypes.essence(value)))
                    .orElse("application/json");
            outbound.setHeader("Content-Type", type);
            return HttpRequest.BodyPublishers.ofByteArray(Json.bytes(request.normalized().orElseThrow()));
        }
        Body body = request.body();
        if (body.length() == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (body.isBuffered()) {
            return HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(body::open);
        return body.length() > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, body.length()) : stream;
    }

    private static void forwardedHeaders(RequestEnvelope request, HttpRequest.Builder outbound) {
        String client = request.metadata().get("client_address");
        if (client != null) {
            String previous = String.join(", ", request.headers().all("X-Forwarded-For"));
            outbound.setHeader("X-Forwarded-For", previous.isEmpty() ? client : previous + ", " + client);
        }
        request.headers().first("Host").ifPresent(host -> outbound.setHeader("X-Forwarded-Host", host));
        String scheme = request.metadata().get("scheme");
        if (scheme != null) {
            outbound.setHeader("X-Forwarded-Proto", scheme);
        }
    }

    private static void addHeader(HttpRequest.Builder outbound, String header, String value) {
        try {
            outbound.header(header, value);
        } catch (IllegalArgumentException e) {
            // a header the JDK refuses to send (restricted or malformed) is dropped, as a proxy drops hop-by-hop ones
        }
    }

    private ResponseEnvelope toEnvelope(HttpResponse<InputStream> response) {
        Headers headers = new Headers();
        Set<String> hopByHop = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade",
                "trailer", "te");
        response.headers().map().forEach((header, values) -> {
            if (!header.startsWith(":") && !hopByHop.contains(header)) {
                values.forEach(value -> headers.add(header, value));
            }
        });
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        return new ResponseEnvelope(response.statusCode(), headers, Body.stream(response.body(), length));
    }

    private GatewayException unreachable(URI target, String reason, Exception cause) {
        return new GatewayException(ProblemType.BACKEND_UNREACHABLE, "backend '" + name + "' is unreachable at "
                + target.getScheme() + "://" + target.getAuthority() + ": " + reason, cause);
    }
}
