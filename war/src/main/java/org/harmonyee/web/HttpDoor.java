package org.harmonyee.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmonyee.core.envelope.ExchangeIds;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.server.exchange.PipelineService;
import org.harmonyee.server.lifecycle.RunningGateway;

import java.io.IOException;
import java.util.Set;

/**
 * The HTTP door of every HTTP-family endpoint: any path, the methods of {@link #METHODS}. It builds
 * the envelope, makes one call, and writes the answer. The network is the listener the request
 * arrived on. A servlet rather than a JAX-RS resource: the gateway uses none of JAX-RS's routing,
 * negotiation or entity providers, and that runtime's work per request was about 40 % of the
 * request threads' time (docs/benchmarks.md).
 */
@WebServlet(name = "harmony-http-door", urlPatterns = "/*")
public class HttpDoor extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The methods a pipeline may serve; any other (TRACE, CONNECT, extensions) is a 405 problem. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Inject
    transient PipelineService pipelines;

    @Inject
    transient RunningGateway gateway;

    @Override
    protected void service(HttpServletRequest servletRequest, HttpServletResponse servletResponse) throws IOException {
        String exchangeId = ExchangeIds.next();
        int port = servletRequest.getLocalPort();
        String network = gateway.runtime().networkOfPort(port).orElse(null);
        String caller = network == null ? "port " + port : network;
        RequestEnvelope request;
        try {
            request = EnvelopeReader.read(servletRequest, exchangeId);
        } catch (GatewayException malformed) {
            RequestEnvelope bare = RequestEnvelope.builder(exchangeId, servletRequest.getMethod(),
                    servletRequest.getRequestURI()).build();
            ResponseWriter.write(bare, pipelines.refuse(caller, bare, malformed), servletResponse);
            return;
        }
        ResponseEnvelope response;
        if (!METHODS.contains(request.method())) {
            response = pipelines.refuse(caller, request, new GatewayException(ProblemType.METHOD_NOT_ALLOWED,
                    "method " + request.method() + " is not served by the gateway"));
        } else if (network == null) {
            response = pipelines.refuse(caller, request, new GatewayException(ProblemType.NOT_FOUND,
                    "no network listens on port " + port));
        } else {
            response = pipelines.execute(network, request);
        }
        ResponseWriter.write(request, response, servletResponse);
    }
}
