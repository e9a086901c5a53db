package org.harmonyee.core.pipeline;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.content.ProblemDocument;

import java.util.List;

/**
 * An entry of a pipeline: declares the routes it serves and adapts envelopes on the way in and
 * out. The door (JAX-RS resource, DIMSE handler) builds the raw envelope; the endpoint prepares
 * it (limits, parsing), and renders failures in its protocol's form.
 */
public interface Endpoint extends AutoCloseable {

    String name();

    String service();

    /** The routes this endpoint serves: HTTP path prefixes, or DICOM called AE titles ({@link RouteSpec#dicom}). */
    List<RouteSpec> routes();

    /**
     * Request side, before any middleware: enforce limits, parse the body into normalized JSON.
     *
     * @throws GatewayException 400, 413 or 415 when the request cannot be accepted
     */
    default void prepare(RequestEnvelope request) {
    }

    /**
     * Response side, as the backend's answer enters the chain: arranges how the response body is
     * normalized into JSON for right-side middleware, lazily (by this endpoint's content rules, and
     * only if a middleware asks).
     */
    default void normalizeResponse(ResponseEnvelope response) {
    }

    /**
     * The answer to a request whose pipeline has no backend, in the backend's place (so right-side
     * middleware still sees it): 200 with no body by default. An endpoint whose protocol has an
     * answer of its own (an echo of the request) overrides it.
     */
    default ResponseEnvelope answerWithoutBackend(RequestEnvelope request) {
        return ResponseEnvelope.of(200);
    }

    /** Response side, after the last middleware: adapt the response to the protocol. */
    default void finish(RequestEnvelope request, ResponseEnvelope response) {
    }

    /** Renders a failure as this endpoint's protocol answers it; problem+json by default. */
    default ResponseEnvelope renderFailure(GatewayException failure, RequestEnvelope request) {
        return ProblemDocument.render(failure, request.exchangeId(), request.fullPath());
    }

    @Override
    default void close() {
    }
}
