package org.harmonyee.web.security;

import java.util.Set;

/**
 * The management API's roles, declared in {@code WEB-INF/web.xml} and mapped to groups by the
 * server ({@code glassfish-web.xml} on Payara; group = role on WildFly). A read needs either role;
 * anything that changes state needs {@link #OPERATOR}.
 */
public final class ManagementRoles {

    /** Reads the management API (GET, HEAD). */
    public static final String MONITOR = "harmony-monitor";
    /** Changes state through the management API; also reads. */
    public static final String OPERATOR = "harmony-operator";

    private static final Set<String> READS = Set.of("GET", "HEAD");

    private ManagementRoles() {
    }

    /** The roles of which the caller needs one to use {@code method}. */
    static Set<String> allowedFor(String method) {
        return READS.contains(method) ? Set.of(MONITOR, OPERATOR) : Set.of(OPERATOR);
    }
}
