package org.harmonyee.core.endpoint;

import org.harmonyee.core.config.ContentLimits;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.ContentNormalizer;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Endpoint;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

import java.util.List;

/**
 * The shape every HTTP-family endpoint shares (http, fhir, management; dicomweb and jmix next): it
 * serves one path prefix and everything under it, sets the request's path below that prefix, and,
 * when it has a {@link ContentNormalizer}, normalizes the request body at once and the response body
 * on first access. Subclasses add their protocol's defaults and failure rendering.
 */
public abstract class PathPrefixEndpoint implements Endpoint {

    private final String name;
    private final String service;
    private final RouteSpec route;
    private final ContentNormalizer normalizer;

    /**
     * @param normalizer how bodies are parsed into the normalized JSON view; null for an endpoint
     *                   whose bodies are never parsed
     */
    protected PathPrefixEndpoint(String name, String service, RouteSpec route, ContentNormalizer normalizer) {
        this.name = name;
        this.service = service;
        this.route = route;
        this.normalizer = normalizer;
    }

    /**
     * The content normalizer of an endpoint table: the proxy's content limits, with the endpoint's
     * own {@code max_body_size} when it sets one; bodies too large for memory spool to the storage path.
     */
    public static ContentNormalizer normalizer(Options options, BuildContext context) {
        ContentLimits proxy = context.contentLimits();
        long maxBodySize = options.integer("max_body_size", proxy.maxBodySize(), 1, Long.MAX_VALUE);
        return new ContentNormalizer(new ContentLimits(maxBodySize, proxy.maxCsvRows(), proxy.maxXmlDepth(),
                proxy.maxMultipartFiles(), proxy.maxFormFields()), context.storagePath().resolve("spool"));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String service() {
        return service;
    }

    @Override
    public final List<RouteSpec> routes() {
        return List.of(route);
    }

    /** Sets the path below the prefix, then normalizes the body; an override calls this. */
    @Override
    public void prepare(RequestEnvelope request) {
        request.path(route.relative(request.fullPath()));
        if (normalizer != null) {
            normalizer.normalize(request);
        }
    }

    @Override
    public void normalizeResponse(ResponseEnvelope response) {
        if (normalizer != null) {
            response.normalizeLazily(normalizer::normalize);
        }
    }
}
