package org.harmonyee.web.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmonyee.core.config.ManagementSettings;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.web.management.ManagementNetwork;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The management network's authorization: a caller {@link ManagementAuthentication} let through
 * must hold a role that allows the method ({@link ManagementRoles#allowedFor}), as the server maps
 * the caller's groups to roles; otherwise 403 with a problem document. With
 * {@code realm = "server"}, HTTP Basic credentials that no identity store answered are checked by
 * the server's own realm ({@link HttpServletRequest#login}: WildFly's Elytron security domain;
 * Payara answers through its realm identity store instead, since it refuses this login while a
 * Jakarta Security mechanism is installed), 401 when it refuses them. Other networks pass; on
 * those served by a pipeline with {@code container_auth}, the same login is tried first, and the
 * pipeline answers a refusal.
 */
@WebFilter(filterName = "management-authorization", urlPatterns = "/*", asyncSupported = true)
public class ManagementAuthorization extends HttpFilter {

    @Inject
    ManagementNetwork network;

    @Inject
    ManagementAuthentication authentication;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!network.receives(request) || ManagementNetwork.healthProbe(request)) {
            if (request.getUserPrincipal() == null && network.containerAuthenticated(request)
                    && network.settings().realm() == ManagementSettings.Realm.SERVER) {
                // A refusal is the pipeline's to answer: its container_auth sees no caller.
                serverLogin(request);
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getUserPrincipal() == null && network.settings().realm() == ManagementSettings.Realm.SERVER) {
            Optional<GatewayException> refused = serverLogin(request);
            if (refused.isPresent()) {
                ProblemResponse.write(request, response, refused.get());
                return;
            }
        }
        Set<String> allowed = ManagementRoles.allowedFor(request.getMethod());
        if (request.getUserPrincipal() == null) {
            ProblemResponse.write(request, response, authentication.unauthorized(null));
        } else if (allowed.stream().anyMatch(request::isUserInRole)) {
            chain.doFilter(request, response);
        } else {
            ProblemResponse.write(request, response, new GatewayException(ProblemType.FORBIDDEN, "user '"
                    + request.getUserPrincipal().getName() + "' has none of the roles " + String.join(", ",
                    new TreeSet<>(allowed)) + " needed for " + request.getMethod() + " on the management API"));
        }
    }

    /** Logs the Basic caller in with the server's realm; the 401 when there are no credentials or it refuses them. */
    private Optional<GatewayException> serverLogin(HttpServletRequest request) {
        Optional<UsernamePasswordCredential> credential =
                ManagementAuthentication.basicCredential(request.getHeader("Authorization"));
        if (credential.isEmpty()) {
            return Optional.of(authentication.unauthorized(null));
        }
        try {
            request.login(credential.get().getCaller(), credential.get().getPasswordAsString());
            return Optional.empty();
        } catch (ServletException refused) {
            return Optional.of(authentication.unauthorized("user '" + credential.get().getCaller()
                    + "' is unknown to the server's realm or the password is wrong"));
        }
    }
}
