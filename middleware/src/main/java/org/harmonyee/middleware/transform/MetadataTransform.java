package org.harmonyee.middleware.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * Type {@code metadata_transform}: JOLT over the metadata as a JSON object of strings. Only string
 * values of the output are written back; keys the spec does not produce are kept. Typical use:
 * setting {@code dimse_op} from a FHIR query for a DICOM backend.
 */
public final class MetadataTransform implements Middleware {

    public static final String TYPE = "metadata_transform";
    /** The request side only, as in the Rust Harmony. */
    static final Apply DEFAULT_APPLY = Apply.LEFT;

    private static final System.Logger LOG = System.getLogger(MetadataTransform.class.getName());

    private final String name;
    private final JoltSpec spec;
    private final Apply apply;
    private final boolean failOnError;

    MetadataTransform(String name, JoltSpec spec, Apply apply, boolean failOnError) {
        this.name = name;
        this.spec = spec;
        this.apply = apply;
        this.failOnError = failOnError;
    }

    public static MetadataTransform create(ComponentConfig config, Options options, BuildContext context) {
        Optional<JoltSpec> spec = JoltSpec.read(options, context.transformsPath());
        String target = options.string("transform_target", "metadata");
        if (!target.equals("metadata")) {
            options.problem("transform_target", "only \"metadata\" is supported, got '" + target + "': this gateway"
                    + " has no target_details; read the request in a transform with inject_context = true"
                    + " (context.request_details.query_params, headers, metadata)");
        }
        return new MetadataTransform(config.name(), spec.orElse(null), Apply.read(options, DEFAULT_APPLY),
                options.bool("fail_on_error", true));
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        if (apply.request()) {
            transform(request.metadata(), request.exchangeId());
        }
        ResponseEnvelope response = next.proceed(request);
        if (apply.response()) {
            transform(response.metadata(), request.exchangeId());
        }
        return response;
    }

    private void transform(Map<String, String> metadata, String exchangeId) {
        ObjectNode input = Json.MAPPER.createObjectNode();
        metadata.forEach(input::put);
        JsonNode output;
        try {
            output = spec.transform(input);
        } catch (RuntimeException e) {
            if (failOnError) {
                throw new GatewayException(ProblemType.MIDDLEWARE_FAILURE, "metadata_transform '" + name + "' failed", e);
            }
            LOG.log(Level.WARNING, () -> exchangeId + ": metadata_transform '" + name + "' failed, metadata unchanged: " + e);
            return;
        }
        output.properties().forEach(entry -> {
            if (entry.getValue().isTextual()) {
                metadata.put(entry.getKey(), entry.getValue().textValue());
            }
        });
    }
}
