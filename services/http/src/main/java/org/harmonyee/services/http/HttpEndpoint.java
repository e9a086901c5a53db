package org.harmonyee.services.http;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.ContentNormalizer;
import org.harmonyee.core.endpoint.PathPrefix;
import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

/**
 * Service {@code http}: serves {@code path_prefix} and everything under it for every method, and
 * normalizes the request body by its media type ({@link ContentNormalizer}). The option
 * {@code max_body_size} overrides {@code [proxy.content_limits] max_body_size} for this endpoint.
 */
public final class HttpEndpoint extends PathPrefixEndpoint {

    public static final String SERVICE = "http";

    public HttpEndpoint(String name, String pathPrefix, ContentNormalizer normalizer) {
        super(name, SERVICE, new RouteSpec(pathPrefix, RouteSpec.ALL_METHODS), normalizer);
    }

    public static HttpEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        return new HttpEndpoint(config.name(), PathPrefix.read(options), normalizer(options, context));
    }
}
