package org.harmonyee.core.endpoint;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.JsonNormalizer;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.pipeline.Endpoint;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

import java.util.List;

/**
 * Service {@code http}: serves {@code path_prefix} and everything under it for every method; the
 * body stays a stream unless it is JSON, which is parsed into the normalized view. The option
 * {@code max_body_size} overrides {@code [proxy.content_limits] max_body_size} for this endpoint.
 */
public final class HttpEndpoint implements Endpoint {

    public static final String SERVICE = "http";

    private final String name;
    private final RouteSpec route;
    private final JsonNormalizer normalizer;

    public HttpEndpoint(String name, String pathPrefix, long maxBodySize) {
        this.name = name;
        this.route = new RouteSpec(pathPrefix, RouteSpec.ALL_METHODS);
        this.normalizer = new JsonNormalizer(maxBodySize);
    }

    public static HttpEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        String prefix = PathPrefix.read(options);
        long maxBodySize = options.integer("max_body_size", context.contentLimits().maxBodySize(), 1, Long.MAX_VALUE);
        return new HttpEndpoint(config.name(), prefix, maxBodySize);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public List<RouteSpec> routes() {
        return List.of(route);
    }

    @Override
    public void prepare(RequestEnvelope request) {
        request.path(route.relative(request.fullPath()));
        normalizer.normalize(request);
    }
}
