package org.harmonyee.services.http;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The request a passthrough backend sends: target base + path below the endpoint prefix + raw
 * query; the method; the headers minus hop-by-hop ones, plus X-Forwarded-*, with the gateway's
 * own {@code Authorization} in place of the caller's when the backend has one; and the body rule:
 * the JSON a middleware put in place of the parsed body, otherwise the original bytes untouched
 * and streamed ({@link StreamedEntity}; a body of unknown length goes chunked).
 */
final class OutboundRequest {

    private OutboundRequest() {
    }

    static ClassicHttpRequest build(URI base, RequestEnvelope request, Optional<String> authorization) {
        ClassicHttpRequest outbound = new BasicClassicHttpRequest(request.method(), target(base, request));
        Set<String> hopByHop = HopByHop.of(request.headers());
        request.headers().forEach((header, values) -> {
            if (!HopByHop.contains(hopByHop, header)) {
                values.forEach(value -> outbound.addHeader(header, value));
            }
        });
        authorization.ifPresent(value -> {
            outbound.removeHeaders("Authorization");
            outbound.addHeader("Authorization", value);
        });
        forwardedHeaders(request, outbound);
        entity(request, outbound);
        return outbound;
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

    private static void entity(RequestEnvelope request, ClassicHttpRequest outbound) {
        if (request.normalizedChanged()) {
            String type = request.contentType().filter(value -> MediaTypes.isJson(MediaTypes.essence(value)))
                    .orElse("application/json");
            outbound.setHeader("Content-Type", type);
            outbound.setEntity(new ByteArrayEntity(Json.bytes(request.normalized().orElseThrow()), null));
            return;
        }
        Body body = request.body();
        if (body.length() == 0) {
            return;
        }
        outbound.setEntity(body.isBuffered() ? new ByteArrayEntity(body.bytes(), null)
                : new StreamedEntity(body.open(), body.length()));
    }

    private static void forwardedHeaders(RequestEnvelope request, ClassicHttpRequest outbound) {
        String client = request.metadata().get(MetadataKeys.CLIENT_ADDRESS);
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
}
