package org.harmonyee.services.echo;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.ContentNormalizer;
import org.harmonyee.core.endpoint.PathPrefix;
import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

import java.util.Set;

/**
 * Service {@code echo} as an endpoint: serves {@code path_prefix} (required, as in the Rust
 * Harmony) and everything under it for GET and POST, the Rust echo endpoint's methods, and
 * normalizes the request body like the {@code http} endpoint. A pipeline with a backend answers
 * with the backend's response; one without answers the echo of the request as the middleware left
 * it ({@link EchoDocument}), and right-side middleware sees that answer.
 */
public final class EchoEndpoint extends PathPrefixEndpoint {

    static final Set<String> METHODS = Set.of("GET", "POST");

    EchoEndpoint(String name, String pathPrefix, ContentNormalizer normalizer) {
        super(name, EchoBackend.SERVICE, new RouteSpec(pathPrefix, METHODS), normalizer);
    }

    public static EchoEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        return new EchoEndpoint(config.name(), PathPrefix.read(options), normalizer(options, context));
    }

    @Override
    public ResponseEnvelope answerWithoutBackend(RequestEnvelope request) {
        return ResponseEnvelope.json(200, EchoDocument.of(request));
    }
}
