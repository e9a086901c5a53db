package org.harmonyee.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.QueryString;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;
import java.util.Collections;

/**
 * Turns a servlet request into a request envelope without consuming its body: the body stays a
 * stream until an endpoint decides to parse it. Query parameters are decoded from the raw query
 * string (never through the servlet parameter API, which would read form bodies).
 */
final class EnvelopeReader {

    private EnvelopeReader() {
    }

    static RequestEnvelope read(HttpServletRequest request, String exchangeId) {
        String fullPath = request.getRequestURI().substring(request.getContextPath().length());
        if (fullPath.isEmpty()) {
            fullPath = "/";
        }
        RequestEnvelope.Builder builder = RequestEnvelope.builder(exchangeId, request.getMethod(), fullPath)
                .rawQuery(request.getQueryString())
                .headers(headers(request))
                .body(body(request));
        QueryString.parse(request.getQueryString()).forEach(builder::query);
        if (request.getUserPrincipal() != null) {
            builder.containerCaller(new ServletCaller(request));
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                builder.cookie(cookie.getName(), cookie.getValue());
            }
        }
        RequestEnvelope envelope = builder.build();
        envelope.metadata().put(MetadataKeys.PROTOCOL, "http");
        envelope.metadata().put("scheme", request.getScheme());
        envelope.metadata().put(MetadataKeys.CLIENT_ADDRESS, request.getRemoteAddr());
        return envelope;
    }

    private static Headers headers(HttpServletRequest request) {
        Headers headers = new Headers();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                headers.add(name, value);
            }
        }
        return headers;
    }

    private static Body body(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            return Body.empty();
        }
        try {
            return Body.stream(request.getInputStream(), chunked ? -1 : length);
        } catch (IOException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "the request body cannot be read: " + e.getMessage(), e);
        }
    }
}
