package org.harmonyee.core.pipeline;

import java.util.Set;

/**
 * A route an endpoint serves: a path prefix (the prefix itself and everything under it) and the
 * methods allowed there.
 */
public record RouteSpec(String prefix, Set<String> methods) {

    public static final Set<String> ALL_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Whether {@code path} is the prefix or lies under it, segment-wise ("/echo" does not match "/echoes"). */
    public boolean covers(String path) {
        if (prefix.equals("/")) {
            return true;
        }
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The part of {@code path} below the prefix: "" for the prefix itself, else starting with '/'. */
    public String relative(String path) {
        return prefix.equals("/") ? path : path.substring(prefix.length());
    }
}
