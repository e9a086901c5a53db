package org.harmonyee.services.http;

import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;

/**
 * The request a passthrough backend sends: target base + path below the endpoint prefix + raw
 * query; the method; the headers minus hop-by-hop ones, plus X-Forwarded-*; and the body rule:
 * the JSON a middleware put in place of the parsed body, otherwise the original bytes untouched.
 */
final class OutboundRequest {

    private OutboundRequest() {
    }

    static HttpRequest build(URI base, RequestEnvelope request, Duration readTimeout) {
        HttpRequest.Builder outbound = HttpRequest.newBuilder(target(base, request)).timeout(readTimeout);
        Set<String> hopByHop = HopByHop.of(request.headers());
        request.headers().forEach((header, values) -> {
            if (!HopByHop.contains(hopByHop, header)) {
                values.forEach(value -> addHeader(outbound, header, value));
            }
        });
        forwardedHeaders(request, outbound);
        outbound.method(request.method(), publisher(request, outbound));
        return outbound.build();
    }

    static URI target(URI base, RequestEnvelope request) {
        String prefix = base.toString();
        String path = request.path();
        if (prefix.endsWith("/") && path.startsWith("/")) {
            path = path.substring(1);
        }
        String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
        try {
            return URI.create(prefix + path + query);
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
}
