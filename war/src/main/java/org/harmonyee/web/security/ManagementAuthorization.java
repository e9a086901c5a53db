package org.harmonyee.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.web.management.ManagementNetwork;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The management network's authorization: a caller {@link ManagementAuthentication} let through
 * must hold a role that allows the method ({@link ManagementRoles#allowedFor}), as the server maps
 * the caller's groups to roles; otherwise 403 with a problem document. Other networks pass.
 */
@WebFilter(filterName = "management-authorization", urlPatterns = "/*", asyncSupported = true)
public class ManagementAuthorization extends HttpFilter {

    @Inject
    ManagementNetwork network;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!network.receives(request) || ManagementNetwork.healthProbe(request)) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> allowed = ManagementRoles.allowedFor(request.getMethod());
        if (request.getUserPrincipal() == null) {
            ProblemResponse.write(request, response,
                    ManagementAuthentication.unauthorized("the management API needs HTTP Basic credentials"));
        } else if (allowed.stream().anyMatch(request::isUserInRole)) {
            chain.doFilter(request, response);
        } else {
            ProblemResponse.write(request, response, new GatewayException(ProblemType.FORBIDDEN, "user '"
                    + request.getUserPrincipal().getName() + "' has none of the roles " + String.join(", ",
                    new TreeSet<>(allowed)) + " needed for " + request.getMethod() + " on the management API"));
        }
    }
}
