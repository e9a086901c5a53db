package org.harmonyee.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmonyee.core.content.ProblemDocument;
import org.harmonyee.core.envelope.ExchangeIds;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;
import java.lang.System.Logger.Level;

/** Writes a refusal of the management network as {@code application/problem+json}, and logs it. */
final class ProblemResponse {

    private static final System.Logger LOG = System.getLogger(ProblemResponse.class.getName());

    private ProblemResponse() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, GatewayException refusal)
            throws IOException {
        String exchangeId = ExchangeIds.next();
        ResponseEnvelope problem = ProblemDocument.render(refusal, exchangeId, request.getRequestURI());
        ProblemType type = refusal.type();
        LOG.log(Level.INFO, () -> exchangeId + " " + request.getMethod() + " " + request.getRequestURI()
                + " from " + request.getRemoteAddr() + " -> management " + type.httpStatus() + " " + refusal.detail());
        response.setStatus(problem.status());
        problem.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader("X-Exchange-Id", exchangeId);
        byte[] body = problem.body().bytes();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        // Committed here: WildFly would otherwise replace a refused request's body with its error page.
        response.flushBuffer();
    }
}
