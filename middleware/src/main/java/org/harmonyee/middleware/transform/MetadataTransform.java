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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Type {@code metadata_transform}: JOLT over the metadata as a JSON object of strings. Only string
 * values of the output are written back; keys the spec does not produce are kept. Typical use:
 * setting {@code dimse_op} from a FHIR query for a DICOM backend. This is the Rust Harmony's
 * {@code transform_target = "metadata"}; its {@code "target_details"} is refused with what to change.
 */
public final class MetadataTransform implements Middleware {

    public static final String TYPE = "metadata_transform";
    /** The request side only, as in the Rust Harmony. */
    static final Apply DEFAULT_APPLY = Apply.LEFT;
    /** The Rust Harmony's {@code transform_target} value for what this type does. */
    private static final String METADATA_TARGET = "metadata";

    private static final System.Logger LOG = System.getLogger(MetadataTransform.class.getName());

    private final String name;
    private final JoltSpec spec;
    private final Apply apply;
    private final boolean failOnError;
    /** Whether the warning about a spec written for the Rust Harmony's target details was logged (it is, once). */
    private final AtomicBoolean rustTargetDetailsShape = new AtomicBoolean();

    MetadataTransform(String name, JoltSpec spec, Apply apply, boolean failOnError) {
        this.name = name;
        this.spec = spec;
        this.apply = apply;
        this.failOnError = failOnError;
    }

    public static MetadataTransform create(ComponentConfig config, Options options, BuildContext context) {
        options.string("transform_target").filter(target -> !target.equals(METADATA_TARGET)).ifPresent(target ->
                options.problem("transform_target", "only \"metadata\" is supported, got '" + target + "': requests go"
                        + " where the endpoint and the backend's base_url send them; write the spec over the metadata"
                        + " object ({\"dimse_op\": ...} rather than {\"metadata\": {\"dimse_op\": ...}}) and drop"
                        + " the key, or read the request in a transform with inject_context = true"
                        + " (context.request_details.query_params, headers, metadata; docs/compatibility.md)"));
        Optional<JoltSpec> spec = JoltSpec.read(options, context.transformsPath());
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
        if (output.path(METADATA_TARGET).isObject() && rustTargetDetailsShape.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, () -> exchangeId + ": metadata_transform '" + name + "' writes a \"metadata\" object,"
                    + " as a spec for the Rust Harmony's transform_target = \"target_details\" does; it is not written"
                    + " back: write the spec over the metadata object ({\"dimse_op\": ...}; docs/compatibility.md)."
                    + " Logged once");
        }
        output.properties().forEach(entry -> {
            if (entry.getValue().isTextual()) {
                metadata.put(entry.getKey(), entry.getValue().textValue());
            }
        });
    }
}
