package org.harmonyee.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: the gateway's doors own the whole URL space of the context root. */
@ApplicationPath("/")
public class GatewayApplication extends Application {
}
