package org.harmonyee.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.harmonyee.core.content.MediaTypes;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Quotes the media-type parameter values of Accept and Content-Type that are not tokens, as the
 * grammar asks: viewers and modalities send {@code multipart/related; type=application/dicom}, and
 * Jersey answers such a request 400 (an HTML page) while it matches the resource method, before the
 * door could see it. A request whose headers need nothing passes untouched; the quoted value means
 * the same, so the door and every backend read what the client meant.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MediaTypeHeaderFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String accept = request.getHeader("Accept");
        String type = request.getContentType();
        String quotedType = MediaTypes.quoteParameterValues(type);
        if (MediaTypes.quoteParameterValues(accept) == accept && quotedType == type) {
            chain.doFilter(request, response);
        } else {
            List<String> quotedAccept = Collections.list(request.getHeaders("Accept")).stream()
                    .map(MediaTypes::quoteParameterValues).toList();
            chain.doFilter(new Quoted(request, quotedAccept, quotedType), response);
        }
    }

    /** The request with its Accept and Content-Type as quoted; everything else is the request's own. */
    private static final class Quoted extends HttpServletRequestWrapper {

        private final List<String> accept;
        private final String contentType;

        Quoted(HttpServletRequest request, List<String> accept, String contentType) {
            super(request);
            this.accept = accept;
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            if ("Accept".equalsIgnoreCase(name)) {
                return accept.isEmpty() ? null : accept.get(0);
            }
            return "Content-Type".equalsIgnoreCase(name) ? contentType : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if ("Accept".equalsIgnoreCase(name)) {
                return Collections.enumeration(accept);
            }
            if ("Content-Type".equalsIgnoreCase(name)) {
                return contentType == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(contentType));
            }
            return super.getHeaders(name);
        }
    }
}
