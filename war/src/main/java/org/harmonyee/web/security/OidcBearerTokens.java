package org.harmonyee.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.harmonyee.core.config.OidcSettings;
import org.harmonyee.middleware.jwt.JwtVerifier;
import org.harmonyee.middleware.jwt.VerificationKeys;
import org.harmonyee.server.lifecycle.RunningGateway;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens of the OpenID Connect provider of {@code [management.oidc]}: verified with Nimbus
 * against the provider's JWKS (the configured {@code jwks_url}, or the {@code jwks_uri} of the
 * issuer's discovery document, {@code /.well-known/openid-configuration}, fetched when the first
 * token arrives), their roles claim mapped to the management groups ({@link RolesClaim}). The
 * verifier is kept while the settings stay the same; a discovery document that cannot be fetched
 * is asked for again with the next token.
 */
@ApplicationScoped
public class OidcBearerTokens {

    private static final System.Logger LOG = System.getLogger(OidcBearerTokens.class.getName());
    private static final long JWKS_CACHE_TTL_MS = 300_000;
    private static final long JWKS_MIN_REFRESH_MS = 5_000;

    /** What became of a token: accepted as a caller with groups, or refused with the reason. */
    sealed interface Outcome {
    }

    record Accepted(CredentialValidationResult caller) implements Outcome {
    }

    record Refused(String reason) implements Outcome {
    }

    private record Verifier(OidcSettings settings, JwtVerifier jwt) {
    }

    @Inject
    RunningGateway gateway;

    private volatile Verifier verifier;

    /** The provider's settings, when the gateway runs and has {@code [management.oidc]}. */
    Optional<OidcSettings> settings() {
        return gateway.running() ? gateway.runtime().config().management().oidc() : Optional.empty();
    }

    Outcome validate(String token, String exchangeId) {
        Optional<OidcSettings> settings = settings();
        if (settings.isEmpty()) {
            return new Refused("bearer tokens are not accepted here ([management.oidc] is not configured)");
        }
        try {
            JWTClaimsSet claims = verifier(settings.get()).verify(token);
            String caller = caller(claims);
            if (caller == null) {
                return new Refused("the token names no caller (sub, client_id or azp)");
            }
            Set<String> groups = RolesClaim.groups(claims, settings.get());
            return new Accepted(new CredentialValidationResult(caller, groups));
        } catch (JwtVerifier.InvalidTokenException e) {
            return new Refused("invalid token: " + e.getMessage());
        } catch (JOSEException | IOException | ParseException e) {
            LOG.log(Level.WARNING, () -> exchangeId + " management: the OpenID Connect provider "
                    + settings.get().issuer() + " cannot be asked for its keys: " + e.getMessage());
            return new Refused("the token cannot be verified now (the identity provider's keys are unavailable)");
        }
    }

    private JwtVerifier verifier(OidcSettings settings) throws IOException, ParseException {
        Verifier current = verifier;
        if (current != null && current.settings().equals(settings)) {
            return current.jwt();
        }
        URL jwks = settings.jwksUrl().isPresent() ? settings.jwksUrl().get().toURL() : discoverJwks(settings.issuer());
        JWSKeySelector<SecurityContext> keys = VerificationKeys.remote(jwks, JWKS_CACHE_TTL_MS, JWKS_MIN_REFRESH_MS);
        JwtVerifier jwt = new JwtVerifier(keys, settings.issuer().toString(), settings.audience().orElse(null),
                settings.leewaySeconds(), Clock.systemUTC());
        verifier = new Verifier(settings, jwt);
        return jwt;
    }

    /** The {@code jwks_uri} of the issuer's OpenID Provider Metadata (OpenID Connect Discovery 1.0, section 4). */
    private static URL discoverJwks(URI issuer) throws IOException, ParseException {
        String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
        URL metadataUrl = URI.create(base + ".well-known/openid-configuration").toURL();
        String document = new DefaultResourceRetriever(2_000, 2_000, 1024 * 1024).retrieveResource(metadataUrl)
                .getContent();
        Map<String, Object> metadata = JSONObjectUtils.parse(document);
        String declaredIssuer = JSONObjectUtils.getString(metadata, "issuer");
        if (!issuer.toString().equals(declaredIssuer)) {
            throw new ParseException(metadataUrl + " names issuer '" + declaredIssuer + "', not '" + issuer + "'", 0);
        }
        URI jwks = JSONObjectUtils.getURI(metadata, "jwks_uri");
        if (jwks == null) {
            throw new ParseException(metadataUrl + " has no jwks_uri", 0);
        }
        return jwks.toURL();
    }

    /** The caller's name: {@code sub}, or for a client's own token {@code client_id} (RFC 9068) or {@code azp}. */
    private static String caller(JWTClaimsSet claims) {
        for (String name : new String[] {"sub", "client_id", "azp"}) {
            if (claims.getClaim(name) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
