package org.harmonyee.services.dicomweb;

import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.RequestEnvelope;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL under which the caller reached this DICOMweb service, for the URIs the answers carry
 * (BulkDataURI): scheme and host from the first {@code Forwarded} element (RFC 7239), else
 * {@code X-Forwarded-Proto}/{@code -Host}/{@code -Port}, else the request's own scheme and
 * {@code Host}; then the endpoint's prefix, with {@code X-Forwarded-Prefix} before it.
 */
final class PublicBaseUrl {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:_%]+");
    private static final Pattern SCHEME = Pattern.compile("https?");

    private PublicBaseUrl() {
    }

    static String of(RequestEnvelope request) {
        String prefix = request.fullPath().substring(0, request.fullPath().length() - request.path().length());
        Optional<String> forwarded = request.headers().first("Forwarded").map(value -> value.split(",")[0]);
        String scheme = forwarded.flatMap(element -> MediaTypes.parameter(";" + element, "proto"))
                .or(() -> first(request, "X-Forwarded-Proto"))
                .filter(value -> SCHEME.matcher(value).matches())
                .orElse(request.metadata().getOrDefault("scheme", "http"));
        String host = forwarded.flatMap(element -> MediaTypes.parameter(";" + element, "host"))
                .or(() -> first(request, "X-Forwarded-Host").map(value -> first(request, "X-Forwarded-Port")
                        .filter(port -> port.matches("\\d{1,5}") && !value.contains(":"))
                        .map(port -> value + ":" + port).orElse(value)))
                .or(() -> request.headers().first("Host"))
                .filter(value -> HOST.matcher(value).matches())
                .orElse("localhost");
        String forwardedPrefix = first(request, "X-Forwarded-Prefix").filter(value -> value.matches("/[A-Za-z0-9._~/\\-]*"))
                .map(value -> value.replaceAll("/+$", "")).orElse("");
        return scheme + "://" + host + forwardedPrefix + prefix;
    }

    /** The first value of a header that proxies may have appended to ("a, b"). */
    private static Optional<String> first(RequestEnvelope request, String header) {
        return request.headers().first(header).map(value -> value.split(",")[0].strip()).filter(value -> !value.isEmpty());
    }
}
