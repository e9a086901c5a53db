package org.harmonyee.middleware.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import org.harmonyee.core.config.ComponentConfig;
import org.harmonyee.core.config.Options;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Chain;
import org.harmonyee.core.pipeline.Middleware;
import org.harmonyee.core.runtime.BuildContext;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Type {@code jwt_auth} (also {@code jwtauth}, the Rust Harmony's name): verifies {@code Authorization: Bearer <JWT>} and puts the verified claims
 * into the metadata ({@code jwt.sub}, {@code jwt.iss}, {@code jwt.aud}, {@code jwt.scope},
 * {@code jwt.groups}, {@code auth.user}, {@code auth.method}).
 */
public final class JwtAuth implements Middleware {

    public static final String TYPE = "jwt_auth";
    /** The Rust Harmony's name for the type, so its configurations load unchanged. */
    public static final String RUST_TYPE = "jwtauth";

    private static final System.Logger LOG = System.getLogger(JwtAuth.class.getName());

    private final JwtVerifier verifier;
    private final String realm;

    JwtAuth(JWSKeySelector<SecurityContext> keys, String issuer, String audience, long leewaySeconds, Clock clock,
            String realm) {
        this.verifier = new JwtVerifier(keys, issuer, audience, leewaySeconds, clock);
        this.realm = realm;
    }

    public static JwtAuth create(ComponentConfig config, Options options, BuildContext context) {
        Optional<JWSKeySelector<SecurityContext>> keys = VerificationKeys.select(options);
        String issuer = options.string("issuer").filter(value -> !value.isBlank()).orElse(null);
        String audience = options.string("audience").filter(value -> !value.isBlank()).orElse(null);
        long leeway = options.integer("leeway_secs", 60, 0, 3_600);
        String realm = options.string("realm", "harmony");
        return new JwtAuth(keys.orElse((header, securityContext) -> List.of()), issuer, audience, leeway,
                context.clock(), realm);
    }

    @Override
    public ResponseEnvelope handle(RequestEnvelope request, Chain next) {
        String authorization = request.headers().first("Authorization").orElse("").strip();
        if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new GatewayException(ProblemType.UNAUTHORIZED, "a bearer token is required")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
        }
        JWTClaimsSet claims = verify(authorization.substring(7).strip(), request.exchangeId());
        Claims.put(claims, request.metadata());
        return next.proceed(request);
    }

    private JWTClaimsSet verify(String token, String exchangeId) {
        try {
            return verifier.verify(token);
        } catch (JwtVerifier.InvalidTokenException e) {
            throw invalid(e.getMessage());
        } catch (JOSEException e) {
            LOG.log(Level.WARNING, () -> exchangeId + ": jwt_auth cannot verify tokens", e);
            throw new GatewayException(ProblemType.MIDDLEWARE_FAILURE, "the token cannot be verified now", e);
        }
    }

    private GatewayException invalid(String reason) {
        String description = reason.replace("\"", "'");
        return new GatewayException(ProblemType.UNAUTHORIZED, "invalid token: " + reason)
                .withHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\", error=\"invalid_token\", "
                        + "error_description=\"" + description + "\"");
    }
}
