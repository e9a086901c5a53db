package org.harmonyee.services.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.content.BodyLimit;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the FHIR server's base URL with the gateway's public one (scheme, Host, endpoint
 * prefix) in Location and Content-Location headers and, for JSON Bundles, in {@code link[].url},
 * {@code entry[].fullUrl} and {@code entry[].response.location}: paging links then lead back
 * through the gateway. Other bodies pass untouched.
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
        byte[] bytes = BodyLimit.read(response.body(), maxBundleSize);
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
