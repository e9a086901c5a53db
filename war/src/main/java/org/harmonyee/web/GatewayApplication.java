package org.harmonyee.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * The JAX-RS application: the gateway's doors own the whole URL space of the context root.
 *
 * <p>Its properties are Jersey's (Payara); other runtimes ignore them. The doors use nothing of
 * JAX-RS beyond routing every request to one method: the body comes in as a stream and goes out as
 * a {@code StreamingOutput}, both built into the runtime. So the features that would otherwise cost
 * something on every request, or on every provider lookup, are off: the JSON and XML entity
 * providers discovered on the class path, bean validation of resource methods, WADL (an OPTIONS
 * request belongs to the pipelines), monitoring and tracing.
 */
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
        return Map.of(
                JERSEY_KEEP_RELATIVE_LOCATION, Boolean.TRUE,
                "jersey.config.server.disableAutoDiscovery", Boolean.TRUE,
                "jersey.config.server.disableJsonBinding", Boolean.TRUE,
                "jersey.config.server.disableJsonProcessing", Boolean.TRUE,
                "jersey.config.server.disableMoxyJson", Boolean.TRUE,
                "jersey.config.beanValidation.disable.server", Boolean.TRUE,
                "jersey.config.server.wadl.disableWadl", Boolean.TRUE,
                "jersey.config.server.monitoring.enabled", Boolean.FALSE,
                "jersey.config.server.monitoring.statistics.enabled", Boolean.FALSE,
                "jersey.config.server.tracing.type", "OFF");
    }
}
