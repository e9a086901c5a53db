package org.harmonyee.middleware.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
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
import java.util.Optional;

/**
 * Type {@code transform}: JOLT over the normalized JSON, and on the response side over each result
 * of a streaming response (a C-FIND match, a QIDO-RS match) as it passes. The result replaces it,
 * so the backend (left) or the client (right) receives the transformed JSON. With
 * {@code inject_context = true} the input is {@code {"data": ..., "context": ...}} ({@link ExchangeContext}:
 * the Rust Harmony's {@code request_details} and {@code target_details} or {@code response_details},
 * and ours) and the output's
 * {@code data} is kept. A request without a JSON view is passed on untransformed.
 */
public final class JoltTransform implements Middleware {

    public static final String TYPE = "transform";
    /** Both sides, as in the Rust Harmony: a transform without {@code apply} runs on the request and the response. */
    static final Apply DEFAULT_APPLY = Apply.BOTH;

    private static final System.Logger LOG = System.getLogger(JoltTransform.class.getName());

    private final String name;
    private final JoltSpec spec;
    private final Apply apply;
    private final boolean failOnError;
    private final boolean injectContext;

    JoltTransform(String name, JoltSpec spec, Apply apply, boolean failOnError, boolean injectContext) {
        this.name = name;
        this.spec = spec;
        this.apply = apply;
        this.failOnError = failOnError;
        this.injectContext = injectContext;
    }

    public static JoltTransform create(ComponentConfig config, Options options, BuildContext context) {
        Optional<JoltSpec> spec = JoltSpec.read(options, context.transformsPath());
        return new JoltTransform(config.name(), spec.orElse(null), Apply.read(options, DEFAULT_APPLY),
                options.bool("fail_on_error", true), options.bool("inject_context", false));
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        if (apply.request()) {
            transform(request.normalized().orElse(null), ExchangeContext.of(request, null), request.exchangeId())
                    .ifPresent(request::normalized);
        }
        ResponseEnvelope response = next.proceed(request);
        if (apply.response() && response.results().isPresent()) {
            ObjectNode context = ExchangeContext.of(request, response);
            response.mapResults(result -> result.jsonView().flatMap(json -> transform(json, context,
                    request.exchangeId())).map(result::withJson).orElse(result));
        } else if (apply.response()) {
            transform(response.normalized().orElse(null), ExchangeContext.of(request, response), request.exchangeId())
                    .ifPresent(response::normalized);
        }
        return response;
    }

    private Optional<JsonNode> transform(JsonNode data, ObjectNode context, String exchangeId) {
        if (data == null && !injectContext) {
            return Optional.empty();
        }
        try {
            if (!injectContext) {
                return Optional.of(spec.transform(data));
            }
            ObjectNode input = Json.MAPPER.createObjectNode();
            input.set("data", data == null ? NullNode.getInstance() : data);
            input.set("context", context);
            return Optional.of(spec.transform(input).path("data")).filter(result -> !result.isMissingNode());
        } catch (RuntimeException e) {
            if (failOnError) {
                throw new GatewayException(ProblemType.MIDDLEWARE_FAILURE, "transform '" + name + "' failed", e);
            }
            LOG.log(Level.WARNING, () -> exchangeId + ": transform '" + name + "' failed, data left untransformed: " + e);
            return Optional.empty();
        }
    }
}
