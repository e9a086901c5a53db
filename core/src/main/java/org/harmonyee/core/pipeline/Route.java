package org.harmonyee.core.pipeline;

/** A route on one network: which endpoint of which pipeline serves a path prefix. */
public record Route(String network, RouteSpec spec, Endpoint endpoint, Pipeline pipeline) {
}
