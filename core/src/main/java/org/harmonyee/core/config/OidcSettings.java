package org.harmonyee.core.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code [management.oidc]}: bearer tokens (signed JWTs) of an OpenID Connect provider accepted on
 * the management network. A token must be signed by a key of the provider's JWKS ({@code jwksUrl},
 * or the {@code jwks_uri} of the issuer's discovery document), carry {@code iss} equal to
 * {@code issuer}, be unexpired (with {@code leewaySeconds}) and, when {@code audience} is set, name
 * it in {@code aud}. The values of the claim {@code rolesClaim} (a dotted path into nested objects,
 * such as Keycloak's {@code realm_access.roles}) grant the management roles: any of
 * {@code monitorValues} grants {@code harmony-monitor}, any of {@code operatorValues}
 * {@code harmony-operator}.
 */
public record OidcSettings(URI issuer, Optional<URI> jwksUrl, Optional<String> audience, String rolesClaim,
                           List<String> monitorValues, List<String> operatorValues, long leewaySeconds) {

    public OidcSettings {
        monitorValues = List.copyOf(monitorValues);
        operatorValues = List.copyOf(operatorValues);
    }
}
