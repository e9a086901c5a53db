package org.harmonyee.services.fhir;

import org.harmonyee.services.http.HttpBackend;
import org.harmonyee.services.http.UpstreamOptions;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.core.health.TargetPools;
import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.runtime.BuildContext;


/**
 * Service {@code fhir}: the HTTP passthrough for FHIR servers. Asks for
 * {@code application/fhir+json} unless the client chose, and for an unencoded body (Bundles are
 * read to rewrite their links; the server's container compresses for the client); refuses request bodies that are not a
 * FHIR media type (415); answers a non-FHIR response body from the server with 502; rewrites the
 * server's own base URL in Bundle links, entry fullUrls and Location / Content-Location headers to
 * the gateway's public base URL ({@link ServerUrlRewriter}).
 */
public final class FhirBackend extends HttpBackend {

    public static final String SERVICE = "fhir";

    private final long maxResponseSize;

    FhirBackend(String name, TargetPool pool, UpstreamOptions upstream, BuildContext context) {
        super(name, pool, upstream, context);
        this.maxResponseSize = context.contentLimits().maxBodySize() * 8;
    }

    public static FhirBackend create(ComponentConfig config, Options options, BuildContext context) {
        return new FhirBackend(config.name(), pool(config, options, context), UpstreamOptions.read(options), context);
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ResponseEnvelope invoke(RequestEnvelope request) {
        request.contentType().filter(type -> request.body().length() != 0 && !FhirMediaTypes.isFhirBody(type))
                .ifPresent(type -> {
                    throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "'" + type + "' is not a FHIR media type (application/fhir+json or application/fhir+xml)");
                });
        if (!request.headers().contains("Accept")) {
            request.headers().set("Accept", FhirMediaTypes.FHIR_JSON);
        }
        request.headers().remove("Accept-Encoding");
        ResponseEnvelope response = super.invoke(request);
        String type = response.contentType().orElse(null);
        if (response.body().length() != 0 && type != null && !FhirMediaTypes.isFhirBody(type)) {
            response.body().discard();
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "FHIR backend '" + name()
                    + "' answered " + response.status() + " with '" + type + "', not a FHIR resource");
        }
        new ServerUrlRewriter(pool(), maxResponseSize).rewrite(request, response);
        return response;
    }
}
