package org.harmonyee.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.QueryString;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;

import java.io.InputStream;
import java.util.Collections;

/**
 * Turns a servlet request into a request envelope without consuming its body: the body stays a
 * stream until an endpoint decides to parse it. Query parameters are decoded from the raw query
 * string (never through the servlet parameter API, which would read form bodies).
 */
final class EnvelopeReader {

    private EnvelopeReader() {
    }

    /**
     * @param entity the request body as the JAX-RS runtime hands it to the resource method (it may
     *               have read ahead into the servlet's stream), consumed only by whoever reads the body
     */
    static RequestEnvelope read(HttpServletRequest request, InputStream entity, String exchangeId) {
        String fullPath = request.getRequestURI().substring(request.getContextPath().length());
        if (fullPath.isEmpty()) {
            fullPath = "/";
        }
        RequestEnvelope.Builder builder = RequestEnvelope.builder(exchangeId, request.getMethod(), fullPath)
                .rawQuery(request.getQueryString())
                .headers(headers(request))
                .body(body(request, entity));
        QueryString.parse(request.getQueryString()).forEach(builder::query);
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

    private static Body body(HttpServletRequest request, InputStream entity) {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked || entity == null) {
            return Body.empty();
        }
        return Body.stream(entity, chunked ? -1 : length);
    }
}
