package org.harmonyee.web.security;

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
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.web.management.ManagementNetwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic authentication (RFC 7617) of the management network, validated by the identity
 * stores of the deployment and the server ({@link IdentityStoreHandler}). Requests on every other
 * network pass untouched, and so do the health probes ({@link ManagementNetwork#healthProbe}). A request with no or wrong credentials is answered 401 with
 * {@code WWW-Authenticate: Basic realm="Harmony EE management"} and a problem document; the
 * password is never logged.
 */
@ApplicationScoped
public class ManagementAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "Harmony EE management";
    private static final String BASIC = "Basic ";

    @Inject
    ManagementNetwork network;

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!network.receives(request) || ManagementNetwork.healthProbe(request)) {
            return context.doNothing();
        }
        Optional<UsernamePasswordCredential> credential = basicCredential(request.getHeader("Authorization"));
        if (credential.isEmpty()) {
            return challenge(request, response, "the management API needs HTTP Basic credentials");
        }
        CredentialValidationResult result = identityStores.validate(credential.get());
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return challenge(request, response, "user '" + credential.get().getCaller()
                    + "' is unknown or the password is wrong");
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
            String detail) {
        try {
            ProblemResponse.write(request, response, unauthorized(detail));
        } catch (IOException gone) {
            // The caller went away: nothing is left to answer.
            response.setStatus(ProblemType.UNAUTHORIZED.httpStatus());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A 401 that asks for Basic credentials of the management realm. */
    static GatewayException unauthorized(String detail) {
        return new GatewayException(ProblemType.UNAUTHORIZED, detail)
                .withHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    }

    /** The user and password of an {@code Authorization: Basic} header, if it holds well-formed ones. */
    static Optional<UsernamePasswordCredential> basicCredential(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
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
