package org.harmonyee.core.pipeline;

/** A middleware instance with the name and type of the table it was built from. */
public record NamedMiddleware(String name, String type, Middleware middleware) {
}
