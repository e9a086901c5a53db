package org.harmonyee.core.config;

import java.util.Optional;

/**
 * {@code [management]}: the management API, served only on its own network; who may use it is
 * checked by {@link #realm()} (HTTP Basic) and, when configured, by an OpenID Connect provider's
 * bearer tokens ({@code [management.oidc]}).
 */
public record ManagementSettings(boolean enabled, String basePath, String network, Realm realm,
                                 Optional<OidcSettings> oidc) {

    /** Where HTTP Basic credentials of the management network are checked. */
    public enum Realm {
        /** The identity stores of the deployment: the users file of {@code harmony-cli management-user}. */
        USERS_FILE,
        /** The server's own realm (Payara file/LDAP/JDBC realm, WildFly Elytron security domain), by programmatic login. */
        SERVER
    }
}
