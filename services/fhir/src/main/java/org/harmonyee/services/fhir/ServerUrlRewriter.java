package org.harmonyee.services.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the FHIR server's base URL with the gateway's public one (scheme, Host, endpoint
 * prefix) in Location and Content-Location headers and, for JSON Bundles, in {@code link[].url},
 * {@code entry[].fullUrl} and {@code entry[].response.location}: paging links then lead back
 * through the gateway. Other bodies pass untouched, and so does a resource larger than the bound
 * (it is streamed on as the server sent it).
 */
final class ServerUrlRewriter {

    private final List<String> serverBases;
    private final long maxBundleSize;

    ServerUrlRewriter(TargetPool pool, long maxBundleSize) {
        this.serverBases = pool.targets().stream().map(Target::url).map(Object::toString)
                .map(ServerUrlRewriter::trimSlash).toList();
        this.maxBundleSize = maxBundleSize;
    }

    void rewrite(RequestEnvelope request, ResponseEnvelope response) {
        Optional<String> gateway = gatewayBase(request);
        if (gateway.isEmpty()) {
            return;
        }
        for (String header : List.of("Location", "Content-Location")) {
            response.headers().first(header).ifPresent(value -> response.headers().set(header, replace(value, gateway.get())));
        }
        boolean json = response.contentType().map(FhirMediaTypes::isJson).orElse(false);
        boolean encoded = response.headers().first("Content-Encoding").filter(e -> !e.equalsIgnoreCase("identity"))
                .isPresent();
        if (json && !encoded && response.body().length() != 0) {
            rewriteBundle(response, gateway.get());
        }
    }

    private void rewriteBundle(ResponseEnvelope response, String gateway) {
        Optional<byte[]> read = readWithin(response);
        if (read.isEmpty()) {
            return;
        }
        byte[] bytes = read.get();
        response.body(Body.of(bytes));
        JsonNode resource;
        try {
            resource = Json.parse(bytes);
        } catch (IOException e) {
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE,
                    "the FHIR server answered malformed JSON: " + e.getMessage(), e);
        }
        if (!resource.path("resourceType").asText().equals("Bundle")) {
            response.normalizedFromBody(resource);
            return;
        }
        resource.path("link").forEach(link -> replaceField(link, "url", gateway));
        resource.path("entry").forEach(entry -> {
            replaceField(entry, "fullUrl", gateway);
            replaceField(entry.path("response"), "location", gateway);
        });
        response.body(Body.of(Json.bytes(resource)));
        response.headers().remove("Content-Length");
        response.normalizedFromBody(resource);
    }

    /**
     * The body's bytes when it fits the bound; otherwise nothing, and the response keeps a body
     * that streams exactly what the server sent (a resource too large to rewrite passes untouched).
     */
    private Optional<byte[]> readWithin(ResponseEnvelope response) {
        Body body = response.body();
        if (body.length() > maxBundleSize) {
            return Optional.empty();
        }
        InputStream in = body.open();
        try {
            byte[] head = in.readNBytes((int) Math.min(maxBundleSize + 1, Integer.MAX_VALUE - 16));
            if (head.length > maxBundleSize) {
                response.body(Body.stream(new SequenceInputStream(new ByteArrayInputStream(head), in), body.length()));
                return Optional.empty();
            }
            in.close();
            return Optional.of(head);
        } catch (IOException e) {
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE,
                    "the FHIR server's answer broke off: " + e.getMessage(), e);
        }
    }

    private void replaceField(JsonNode node, String field, String gateway) {
        if (node instanceof ObjectNode object && object.path(field).isTextual()) {
            object.put(field, replace(object.get(field).asText(), gateway));
        }
    }

    private String replace(String url, String gateway) {
        for (String base : serverBases) {
            if (url.equals(base) || url.startsWith(base + "/") || url.startsWith(base + "?")) {
                return gateway + url.substring(base.length());
            }
        }
        return url;
    }

    /** scheme://host[:port]/prefix as the client addressed the gateway, when the request says. */
    private static Optional<String> gatewayBase(RequestEnvelope request) {
        String scheme = request.metadata().getOrDefault("scheme", "http");
        String fullPath = request.fullPath();
        String prefix = fullPath.substring(0, fullPath.length() - request.path().length());
        return request.headers().first("Host").map(host -> scheme + "://" + host + trimSlash(prefix));
    }

    private static String trimSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
