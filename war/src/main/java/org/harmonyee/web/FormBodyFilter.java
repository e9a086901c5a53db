package org.harmonyee.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.harmonyee.core.content.MediaTypes;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Keeps a form-urlencoded request body whole for the door. Before it routes a form request, Jersey
 * (Payara) reads the first byte of the servlet input stream to learn whether there is a body; on a
 * stream without mark/reset it keeps that byte in its own entity stream, and the door, which reads
 * the servlet stream (so that a request without a body never waits for one), would lose it. Form
 * requests get a stream that supports mark/reset, so Jersey puts the byte back; every other request
 * passes untouched. Other JAX-RS runtimes do not read ahead, and the wrapper changes nothing there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FormBodyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        chain.doFilter(type != null && MediaTypes.essence(type).equals(FORM) ? new Markable(request) : request,
                response);
    }

    /** The request with a body stream that supports mark/reset; everything else is the request's own. */
    private static final class Markable extends HttpServletRequestWrapper {

        private ServletInputStream body;

        Markable(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new MarkableStream(super.getInputStream());
            }
            return body;
        }
    }

    private static final class MarkableStream extends ServletInputStream {

        private final ServletInputStream servlet;
        private final BufferedInputStream buffered;

        MarkableStream(ServletInputStream servlet) {
            this.servlet = servlet;
            this.buffered = new BufferedInputStream(servlet);
        }

        @Override
        public int read() throws IOException {
            return buffered.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return buffered.read(buffer, offset, length);
        }

        @Override
        public int available() throws IOException {
            return buffered.available();
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int limit) {
            buffered.mark(limit);
        }

        @Override
        public void reset() throws IOException {
            buffered.reset();
        }

        @Override
        public void close() throws IOException {
            buffered.close();
        }

        @Override
        public boolean isFinished() {
            try {
                return buffered.available() == 0 && servlet.isFinished();
            } catch (IOException closed) {
                return true;
            }
        }

        @Override
        public boolean isReady() {
            return servlet.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            servlet.setReadListener(listener);
        }
    }
}
