package org.harmonyee.services.fhir;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.ContentNormalizer;
import org.harmonyee.core.endpoint.PathPrefix;
import org.harmonyee.core.endpoint.PathPrefixEndpoint;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;

import java.util.List;

/**
 * Service {@code fhir}: the HTTP door with FHIR behaviour. Requests without Accept ask for
 * {@code application/fhir+json}; {@code _format} (json, xml, ttl or a media type) sets Accept and
 * stays in the query for the server; a response without Content-Type, or with a plain JSON one
 * where FHIR JSON was asked for, is {@code application/fhir+json}; failures are OperationOutcome resources, not problem documents.
 */
public final class FhirEndpoint extends PathPrefixEndpoint {

    public static final String SERVICE = "fhir";

    FhirEndpoint(String name, String prefix, ContentNormalizer normalizer) {
        super(name, SERVICE, new RouteSpec(prefix, RouteSpec.ALL_METHODS), normalizer);
    }

    public static FhirEndpoint create(ComponentConfig config, Options options, BuildContext context) {
        return new FhirEndpoint(config.name(), PathPrefix.read(options), normalizer(options, context));
    }

    @Override
    public void prepare(RequestEnvelope request) {
        List<String> format = request.query().getOrDefault("_format", List.of());
        if (!format.isEmpty()) {
            String accept = FhirMediaTypes.ofFormat(format.get(0)).orElseThrow(() -> new GatewayException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, "_format '" + format.get(0) + "' is not json, xml or ttl"));
            request.headers().set("Accept", accept);
        } else if (request.headers().first("Accept").filter(a -> !a.isBlank() && !a.equals("*/*")).isEmpty()) {
            request.headers().set("Accept", FhirMediaTypes.FHIR_JSON);
        }
        super.prepare(request);
    }

    /**
     * A body without Content-Type is FHIR JSON; so is a plain {@code application/json} one (what
     * a pipeline that builds FHIR resources from other protocols produces) when the client asked
     * for {@code application/fhir+json}, or for nothing, which {@link #prepare} made the same.
     */
    @Override
    public void finish(RequestEnvelope request, ResponseEnvelope response) {
        if (response.body().length() == 0) {
            return;
        }
        String type = response.headers().first("Content-Type").orElse(null);
        if (type == null) {
            response.headers().set("Content-Type", FhirMediaTypes.FHIR_JSON);
        } else if (isPlainJson(type) && request.headers().first("Accept").orElse("").contains(FhirMediaTypes.FHIR_JSON)) {
            response.headers().set("Content-Type", FhirMediaTypes.FHIR_JSON + type.substring(mediaTypeEnd(type)));
        }
    }

    private static boolean isPlainJson(String contentType) {
        return contentType.substring(0, mediaTypeEnd(contentType)).strip().equalsIgnoreCase("application/json");
    }

    private static int mediaTypeEnd(String contentType) {
        int parameters = contentType.indexOf(';');
        return parameters < 0 ? contentType.length() : parameters;
    }

    @Override
    public ResponseEnvelope renderFailure(GatewayException failure, RequestEnvelope request) {
        return OperationOutcomes.render(failure, request.exchangeId());
    }
}
