package org.harmonyee.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/** The JAX-RS application: the gateway's doors own the whole URL space of the context root. */
@ApplicationPath("/")
public class GatewayApplication extends Application {

    /**
     * A backend's relative Location header must reach the client as the backend wrote it; Jersey
     * (Payara) would otherwise resolve it against the gateway's base URI.
     */
    private static final String JERSEY_KEEP_RELATIVE_LOCATION =
            "jersey.config.server.headers.location.relative.resolution.disabled";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(JERSEY_KEEP_RELATIVE_LOCATION, Boolean.TRUE);
    }
}
