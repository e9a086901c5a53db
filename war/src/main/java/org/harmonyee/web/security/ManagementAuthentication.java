package org.harmonyee.web.security;

import fish.payara.security.annotations.RealmIdentityStoreDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmonyee.core.config.ManagementSettings;
import org.harmonyee.core.envelope.ExchangeIds;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.web.management.ManagementNetwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Authentication of the management network. HTTP Basic (RFC 7617) is validated by the users file
 * ({@link UsersFileIdentityStore}), or, with {@code realm = "server"}, by the server's own realm:
 * on Payara (Server and Micro) through the {@link IdentityStoreHandler}, which then holds Payara's
 * realm identity store ({@link RealmIdentityStoreDefinition} with no name: the domain's default
 * realm, whose groups {@code glassfish-web.xml} maps to roles); on WildFly, where no identity store
 * answers, {@link ManagementAuthorization} logs the caller in with the application security
 * domain's realm. A bearer token (RFC 6750) is validated against the OpenID Connect provider
 * of {@code [management.oidc]} ({@link OidcBearerTokens}). On a network served by a pipeline with
 * {@code container_auth}, the same credentials, when they verify, make the caller known to the
 * server and are otherwise left to that middleware; requests on every other network pass
 * untouched, and so do the health probes ({@link ManagementNetwork#healthProbe}). A request with
 * no or wrong credentials is answered 401 with {@code WWW-Authenticate} and a problem document;
 * passwords and tokens are never logged.
 */
@ApplicationScoped
@RealmIdentityStoreDefinition
public class ManagementAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "Harmony EE management";
    private static final String BASIC = "Basic ";
    private static final String BEARER = "Bearer ";
    private static final String BASIC_CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"" + REALM + "\"";

    @Inject
    ManagementNetwork network;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    UsersFileIdentityStore usersFile;

    @Inject
    OidcBearerTokens bearerTokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!network.receives(request)) {
            return network.containerAuthenticated(request) ? offered(request, context) : context.doNothing();
        }
        if (ManagementNetwork.healthProbe(request)) {
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (hasScheme(authorization, BEARER)) {
            return bearer(authorization.substring(BEARER.length()).strip(), request, response, context);
        }
        Optional<UsernamePasswordCredential> credential = basicCredential(authorization);
        if (credential.isEmpty()) {
            return challenge(request, response, unauthorized(null));
        }
        CredentialValidationResult result = validate(credential.get());
        if (result.getStatus() == CredentialValidationResult.Status.NOT_VALIDATED
                && network.settings().realm() == ManagementSettings.Realm.SERVER) {
            return context.doNothing();
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return challenge(request, response, new GatewayException(ProblemType.UNAUTHORIZED, "user '"
                    + credential.get().getCaller() + "' is unknown or the password is wrong")
                    .withHeader("WWW-Authenticate", BASIC_CHALLENGE));
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * On a network whose pipeline has {@code container_auth}: credentials that verify make the
     * caller known to the server; anything else passes on with no caller, and the pipeline's
     * middleware answers (401/403 problems).
     */
    private AuthenticationStatus offered(HttpServletRequest request, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (hasScheme(authorization, BEARER)) {
            OidcBearerTokens.Outcome outcome = bearerTokens.validate(authorization.substring(BEARER.length()).strip(),
                    ExchangeIds.next());
            return outcome instanceof OidcBearerTokens.Accepted accepted
                    ? context.notifyContainerAboutLogin(accepted.caller()) : context.doNothing();
        }
        Optional<UsernamePasswordCredential> credential = basicCredential(authorization);
        if (credential.isPresent()) {
            CredentialValidationResult result = validate(credential.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        return context.doNothing();
    }

    /**
     * HTTP Basic credentials checked by the users file, or, with {@code realm = "server"}, by every
     * identity store: Payara's realm store there; none on WildFly (not validated: its realm is asked
     * by {@link ManagementAuthorization}).
     */
    private CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return network.settings().realm() == ManagementSettings.Realm.SERVER ? identityStores.validate(credential)
                : usersFile.validate(credential);
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String exchangeId = ExchangeIds.next();
        OidcBearerTokens.Outcome outcome = bearerTokens.validate(token, exchangeId);
        if (outcome instanceof OidcBearerTokens.Accepted accepted) {
            return context.notifyContainerAboutLogin(accepted.caller());
        }
        String reason = ((OidcBearerTokens.Refused) outcome).reason();
        return challenge(request, response, new GatewayException(ProblemType.UNAUTHORIZED, reason)
                .withHeader("WWW-Authenticate", BEARER_CHALLENGE + ", error=\"invalid_token\", error_description=\""
                        + reason.replace("\"", "'") + "\""));
    }

    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
            GatewayException refusal) {
        try {
            ProblemResponse.write(request, response, refusal);
        } catch (IOException gone) {
            // The caller went away: nothing is left to answer.
            response.setStatus(ProblemType.UNAUTHORIZED.httpStatus());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * A 401 that asks for credentials: HTTP Basic, and bearer tokens when an OpenID Connect
     * provider is configured. {@code detail} null: the request carried none.
     */
    GatewayException unauthorized(String detail) {
        boolean tokens = bearerTokens.settings().isPresent();
        String asked = tokens ? "HTTP Basic credentials or an OpenID Connect bearer token" : "HTTP Basic credentials";
        return new GatewayException(ProblemType.UNAUTHORIZED, detail != null ? detail : "the management API needs "
                + asked).withHeader("WWW-Authenticate", tokens ? BASIC_CHALLENGE + ", " + BEARER_CHALLENGE
                : BASIC_CHALLENGE);
    }

    private static boolean hasScheme(String authorization, String scheme) {
        return authorization != null && authorization.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    /** The user and password of an {@code Authorization: Basic} header, if it holds well-formed ones. */
    static Optional<UsernamePasswordCredential> basicCredential(String authorization) {
        if (!hasScheme(authorization, BASIC)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? Optional.empty()
                : Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
