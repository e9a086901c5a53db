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

import java.io.InputStream;

/**
 * The HTTP door of every HTTP-family endpoint: any path, any method. It builds the envelope, makes
 * one call, and writes the answer. The network is the listener the request arrived on. One
 * instance serves every request (application-scoped: a resource built and injected per request
 * was a third of the door's cost); the servlet request comes in as a parameter.
 *
 * <p>The body is the entity stream the JAX-RS runtime hands each method, never the servlet's input
 * stream: for a form-urlencoded request Jersey reads the first byte of the servlet stream to see
 * whether there is a body, and keeps that byte in its own entity stream.
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
    public Response get(@Context HttpServletRequest request, InputStream entity) {
        return exchange(request, entity);
    }

    @HEAD
    @Path("{path: .*}")
    public Response head(@Context HttpServletRequest request, InputStream entity) {
        return exchange(request, entity);
    }

    @POST
    @Path("{path: .*}")
    public Response post(@Context HttpServletRequest request, InputStream entity) {
        return exchange(request, entity);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@Context HttpServletRequest request, InputStream entity) {
        return exchange(request, entity);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(@Context HttpServletRequest request, InputStream entity) {
        return exchange(request, entity);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@Context HttpServletRequest request, InputStream entity) {
        return exchange(request, entity);
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response options(@Context HttpServletRequest request, InputStream entity) {
        return exchange(request, entity);
    }

    private Response exchange(HttpServletRequest servletRequest, InputStream entity) {
        String exchangeId = ExchangeIds.next();
        int port = servletRequest.getLocalPort();
        String network = gateway.runtime().networkOfPort(port).orElse(null);
        RequestEnvelope request;
        try {
            request = EnvelopeReader.read(servletRequest, entity, exchangeId);
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
