package org.harmonyee.middleware.compat;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

/**
 * Type {@code passthru}: passes the exchange on unchanged and marks that it ran, for trying a
 * pipeline: {@code mw_left = true} in the request's metadata (the {@code echo} service shows it),
 * {@code mw_right = true} in the response's. The Rust Harmony writes the same markers into the
 * JSON payloads, so they reach backends and clients; here payloads stay untouched.
 */
public final class Passthru implements Middleware {

    public static final String TYPE = "passthru";
    static final String LEFT = "mw_left";
    static final String RIGHT = "mw_right";

    private Passthru() {
    }

    public static Passthru create(ComponentConfig config, Options options, BuildContext context) {
        return new Passthru();
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        request.metadata().put(LEFT, "true");
        ResponseEnvelope response = next.proceed(request);
        response.metadata().put(RIGHT, "true");
        return response;
    }
}
