package org.harmonyee.services.dicomweb;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.ProblemDocument;
import org.harmonyee.core.endpoint.PathPrefix;
import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

import java.util.Set;

/**
 * Service {@code dicomweb}: the HTTP door of a DICOMweb pipeline, serving {@code path_prefix} and
 * every resource under it with GET, HEAD, OPTIONS and POST (STOW-RS; other methods are 405). Bodies
 * are not parsed: a STOW-RS body streams to the bridge as the caller sends it. Failures are problem+json.
 * What the resources mean is the pipeline's {@code dicomweb_bridge} middleware's business, not the
 * endpoint's; cross-origin access for browser viewers ({@link CorsPolicy}) is the endpoint's, since
 * a preflight must be answered before authentication.
 */
public final class DicomWebEndpoint extends PathPrefixEndpoint {

    public static final String SERVICE = "dicomweb";

    /** The methods of QIDO-RS and WADO-RS, and POST for STOW-RS. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST");

    private final CorsPolicy cors;

    DicomWebEndpoint(String name, String prefix, CorsPolicy cors) {
        super(name, SERVICE, new RouteSpec(prefix, METHODS), null);
        this.cors = cors;
    }

    public static DicomWebEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        return new DicomWebEndpoint(config.name(), PathPrefix.read(options), CorsPolicy.read(options));
    }

    @Override
    public void finish(RequestEnvelope request, ResponseEnvelope response) {
        cors.apply(request, response.headers());
    }

    /** A preflight from an allowed origin is answered 204 even when the pipeline refused it (no credentials). */
    @Override
    public ResponseEnvelope renderFailure(GatewayException failure, RequestEnvelope request) {
        if (cors.isAllowedPreflight(request)) {
            return cors.preflight(request);
        }
        ResponseEnvelope problem = ProblemDocument.render(failure, request.exchangeId(), request.fullPath());
        cors.apply(request, problem.headers());
        return problem;
    }
}
