package org.harmonyee.middleware.compat;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;

/**
 * Types {@code json_extractor} and {@code json}: the request's JSON view becomes the body's JSON
 * whatever its Content-Type says, as the Rust Harmony parses every body as JSON. A client that
 * posts JSON as {@code text/plain}, or with curl's default form type, then gets the JSON to later
 * middleware (a transform) instead of the text or form view. A body declared as JSON was already
 * parsed by the endpoint; a body that is not JSON keeps the endpoint's view. The original bytes
 * still go to the backend unless a later middleware changes the JSON. Request side only.
 */
public final class JsonExtractor implements Middleware {

    public static final String TYPE = "json_extractor";
    /** The Rust Harmony's second name for the same type. */
    public static final String SHORT_TYPE = "json";

    private static final System.Logger LOG = System.getLogger(JsonExtractor.class.getName());

    private JsonExtractor() {
    }

    public static JsonExtractor create(ComponentConfig config, Options options, BuildContext context) {
        return new JsonExtractor();
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        if (declaredOtherThanJson(request) && request.body().length() > 0 && request.body().isRepeatable()) {
            extract(request);
        }
        return next.proceed(request);
    }

    private static boolean declaredOtherThanJson(RequestEnvelope request) {
        return request.contentType().map(MediaTypes::essence).filter(essence -> !MediaTypes.isJson(essence)).isPresent();
    }

    private static void extract(RequestEnvelope request) {
        try (InputStream in = request.body().open()) {
            JsonNode json = Json.parse(in);
            if (json != null && !json.isMissingNode()) {
                request.normalizedFromBody(json);
            }
        } catch (IOException notJson) {
            LOG.log(Level.DEBUG, () -> request.exchangeId() + ": json_extractor: the "
                    + request.contentType().orElse("") + " body is not JSON, its view is kept: " + notJson.getMessage());
        }
    }
}
