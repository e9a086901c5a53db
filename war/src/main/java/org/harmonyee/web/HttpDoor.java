package org.harmonyee.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.harmonyee.core.envelope.ExchangeIds;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.server.exchange.PipelineService;
import org.harmonyee.server.lifecycle.RunningGateway;


/**
 * The HTTP door of every HTTP-family endpoint: any path, any method. It builds the envelope, makes
 * one call, and writes the answer. The network is the listener the request arrived on. One
 * instance serves every request (application-scoped: a resource built and injected per request
 * was a third of the door's cost); the servlet request comes in as a parameter.
 */
@ApplicationScoped
@Path("/")
public class HttpDoor {

    @Inject
    PipelineService pipelines;

    @Inject
    RunningGateway gateway;

    @GET
    @Path("{path: .*}")
    public Response get(@Context HttpServletRequest request) {
        return exchange(request);
    }

    @HEAD
    @Path("{path: .*}")
    public Response head(@Context HttpServletRequest request) {
        return exchange(request);
    }

    @POST
    @Path("{path: .*}")
    public Response post(@Context HttpServletRequest request) {
        return exchange(request);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@Context HttpServletRequest request) {
        return exchange(request);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(@Context HttpServletRequest request) {
        return exchange(request);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@Context HttpServletRequest request) {
        return exchange(request);
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response options(@Context HttpServletRequest request) {
        return exchange(request);
    }

    private Response exchange(HttpServletRequest servletRequest) {
        String exchangeId = ExchangeIds.next();
        int port = servletRequest.getLocalPort();
        String network = gateway.runtime().networkOfPort(port).orElse(null);
        RequestEnvelope request;
        try {
            request = EnvelopeReader.read(servletRequest, exchangeId);
        } catch (GatewayException malformed) {
            RequestEnvelope bare = RequestEnvelope.builder(exchangeId, servletRequest.getMethod(),
                    servletRequest.getRequestURI()).build();
            return ResponseWriter.write(bare, pipelines.refuse(network == null ? "port " + port : network, bare,
                    malformed));
        }
        ResponseEnvelope response = network != null ? pipelines.execute(network, request)
                : pipelines.refuse("port " + port, request, new GatewayException(ProblemType.NOT_FOUND,
                        "no network listens on port " + port));
        return ResponseWriter.write(request, response);
    }
}
