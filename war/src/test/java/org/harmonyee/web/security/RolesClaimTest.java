package org.harmonyee.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.harmonyee.core.config.OidcSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RolesClaimTest {

    @Test
    void anArrayClaimGrantsEveryRoleOneOfItsValuesIsConfiguredFor() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("groups", List.of("staff", "ops", "it")).build();

        assertThat(RolesClaim.groups(claims, settings("groups"))).containsExactly("harmony-monitor", "harmony-operator");
    }

    @Test
    void aDottedPathReadsANestedClaimSuchAsKeycloaksRealmRoles() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("realm_access", Map.of("roles", List.of("it"))).build();

        assertThat(RolesClaim.groups(claims, settings("realm_access.roles"))).containsExactly("harmony-monitor");
    }

    @Test
    void aSpaceSeparatedStringIsSplitLikeScope() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("scope", "openid ops").build();

        assertThat(RolesClaim.groups(claims, settings("scope"))).containsExactly("harmony-operator");
    }

    @Test
    void anAbsentOrMistypedClaimGrantsNothing() {
        assertThat(RolesClaim.groups(new JWTClaimsSet.Builder().build(), settings("groups"))).isEmpty();
        assertThat(RolesClaim.groups(new JWTClaimsSet.Builder().claim("groups", 7).build(), settings("groups")))
                .isEmpty();
        assertThat(RolesClaim.groups(new JWTClaimsSet.Builder().claim("realm_access", "it").build(),
                settings("realm_access.roles"))).isEmpty();
    }

    private static OidcSettings settings(String claim) {
        return new OidcSettings(URI.create("https://idp.example.org"), Optional.empty(), Optional.empty(), claim,
                List.of("it"), List.of("ops"), 60);
    }
}
