package org.harmonyee.web;

import jakarta.servlet.http.HttpServletRequest;
import org.harmonyee.core.envelope.ContainerCaller;

/** The servlet request's authenticated caller, with the server's role mapping, for {@code container_auth}. */
record ServletCaller(HttpServletRequest request) implements ContainerCaller {

    @Override
    public String name() {
        return request.getUserPrincipal().getName();
    }

    @Override
    public boolean inRole(String role) {
        return request.isUserInRole(role);
    }
}
