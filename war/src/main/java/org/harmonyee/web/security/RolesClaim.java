package org.harmonyee.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.harmonyee.core.config.OidcSettings;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The management groups an identity provider's token grants: the values of the configured claim
 * (a dotted path into nested objects, e.g. Keycloak's {@code realm_access.roles}; an array of
 * strings, or one string of space-separated values like {@code scope}) matched against
 * {@code monitor_roles} and {@code operator_roles}. The groups are named like the roles, which
 * the server maps onto the roles ({@code glassfish-web.xml}; group = role on WildFly).
 */
final class RolesClaim {

    private RolesClaim() {
    }

    static Set<String> groups(JWTClaimsSet claims, OidcSettings oidc) {
        Set<String> values = values(claims, oidc.rolesClaim());
        Set<String> groups = new LinkedHashSet<>();
        if (oidc.monitorValues().stream().anyMatch(values::contains)) {
            groups.add(ManagementRoles.MONITOR);
        }
        if (oidc.operatorValues().stream().anyMatch(values::contains)) {
            groups.add(ManagementRoles.OPERATOR);
        }
        return groups;
    }

    /** The claim's values; none when it is absent or neither strings nor an array of them. */
    static Set<String> values(JWTClaimsSet claims, String path) {
        String[] names = path.split("\\.");
        Object value = claims.getClaim(names[0]);
        for (int i = 1; i < names.length && value != null; i++) {
            value = value instanceof Map<?, ?> object ? object.get(names[i]) : null;
        }
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof String text) {
            values.addAll(List.of(text.strip().split("\\s+")));
        } else if (value instanceof Collection<?> array) {
            array.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
        }
        return values;
    }
}
