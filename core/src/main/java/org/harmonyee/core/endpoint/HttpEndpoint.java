package org.harmonyee.core.endpoint;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.content.ContentNormalizer;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Endpoint;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

import java.util.List;

/**
 * Service {@code http}: serves {@code path_prefix} and everything under it for every method, and
 * normalizes the request body by its media type ({@link ContentNormalizer}). The option
 * {@code max_body_size} overrides {@code [proxy.content_limits] max_body_size} for this endpoint.
 */
public final class HttpEndpoint implements Endpoint {

    public static final String SERVICE = "http";

    private final String name;
    private final RouteSpec route;
    private final ContentNormalizer normalizer;

    public HttpEndpoint(String name, String pathPrefix, ContentNormalizer normalizer) {
        this.name = name;
        this.route = new RouteSpec(pathPrefix, RouteSpec.ALL_METHODS);
        this.normalizer = normalizer;
    }

    public static HttpEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        String prefix = PathPrefix.read(options);
        return new HttpEndpoint(config.name(), prefix, normalizer(options, context));
    }

    /** The endpoint's content normalizer: the proxy's limits, with this endpoint's max_body_size if set. */
    public static ContentNormalizer normalizer(Options options, BuildContext context) {
        ContentLimits proxy = context.contentLimits();
        long maxBodySize = options.integer("max_body_size", proxy.maxBodySize(), 1, Long.MAX_VALUE);
        return new ContentNormalizer(new ContentLimits(maxBodySize, proxy.maxCsvRows(), proxy.maxXmlDepth(),
                proxy.maxMultipartFiles(), proxy.maxFormFields()), context.storagePath().resolve("spool"));
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
    public void adopt(ResponseEnvelope response) {
        response.normalizeLazily(normalizer::normalize);
    }

    @Override
    public void prepare(RequestEnvelope request) {
        request.path(route.relative(request.fullPath()));
        normalizer.normalize(request);
    }
}
