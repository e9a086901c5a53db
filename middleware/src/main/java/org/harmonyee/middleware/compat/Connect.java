package org.harmonyee.middleware.compat;

import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

import java.lang.System.Logger.Level;

/**
 * Type {@code connect} (Aurabox Connect): the Rust Harmony reads {@code enabled} (default true) and
 * {@code fallback_timeout_ms} (default 5000) and only logs them; there is no Aurabox Connect to
 * reach here either. The options are checked, a startup warning says the type has no effect, and
 * each exchange passes unchanged with one DEBUG line while enabled.
 */
public final class Connect implements Middleware {

    public static final String TYPE = "connect";

    private static final System.Logger LOG = System.getLogger(Connect.class.getName());

    private final String name;
    private final boolean enabled;
    private final long fallbackTimeoutMs;

    private Connect(String name, boolean enabled, long fallbackTimeoutMs) {
        this.name = name;
        this.enabled = enabled;
        this.fallbackTimeoutMs = fallbackTimeoutMs;
    }

    public static Connect create(ComponentConfig config, Options options, BuildContext context) {
        Connect connect = new Connect(config.name(), options.bool("enabled", true),
                options.integer("fallback_timeout_ms", 5000, 0, Long.MAX_VALUE));
        LOG.log(Level.WARNING, () -> options.source() + " type: 'connect' (Aurabox Connect) has no effect: requests"
                + " pass unchanged, as in the Rust Harmony, which only logs it");
        return connect;
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        if (enabled) {
            LOG.log(Level.DEBUG, () -> request.exchangeId() + ": connect '" + name + "' (fallback timeout "
                    + fallbackTimeoutMs + " ms) passes the request on unchanged");
        }
        return next.proceed(request);
    }
}
