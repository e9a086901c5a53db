package org.harmonyee.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagementConfigTest {

    @TempDir
    Path directory;

    @Test
    void defaultsToTheUsersFileAndNoOpenIdConnect() {
        ManagementSettings management = read("""
                [management]
                enabled = true
                network = "default"
                """).management();

        assertThat(management.basePath()).isEqualTo("/admin");
        assertThat(management.realm()).isEqualTo(ManagementSettings.Realm.USERS_FILE);
        assertThat(management.oidc()).isEmpty();
    }

    @Test
    void readsTheServerRealmAndAnOpenIdConnectProvider() {
        ManagementSettings management = read("""
                [management]
                enabled = true
                network = "default"
                realm = "server"
                [management.oidc]
                issuer = "https://idp.example.org/realms/hospital"
                audience = "harmony"
                roles_claim = "realm_access.roles"
                monitor_roles = ["it-monitoring"]
                operator_roles = ["it-admins", "integration-team"]
                leeway_secs = 30
                """).management();

        assertThat(management.realm()).isEqualTo(ManagementSettings.Realm.SERVER);
        assertThat(management.oidc()).contains(new OidcSettings(URI.create("https://idp.example.org/realms/hospital"),
                Optional.empty(), Optional.of("harmony"), "realm_access.roles", List.of("it-monitoring"),
                List.of("it-admins", "integration-team"), 30));
    }

    @Test
    void openIdConnectDefaultsMapTheGroupsClaimOntoTheRolesOfTheSameName() {
        OidcSettings oidc = read("""
                [management.oidc]
                issuer = "http://127.0.0.1:9000"
                jwks_url = "http://127.0.0.1:9000/jwks"
                """).management().oidc().orElseThrow();

        assertThat(oidc.jwksUrl()).contains(URI.create("http://127.0.0.1:9000/jwks"));
        assertThat(oidc.rolesClaim()).isEqualTo("groups");
        assertThat(oidc.monitorValues()).containsExactly("harmony-monitor");
        assertThat(oidc.operatorValues()).containsExactly("harmony-operator");
        assertThat(oidc.leewaySeconds()).isEqualTo(60);
    }

    @Test
    void badSettingsNameTheTableAndKey() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [management]
                realm = "ldap"
                [management.oidc]
                issuer = "idp.example.org"
                roles_claim = "realm_access."
                operator_roles = []
                """);

        assertThatThrownBy(fixture::read).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [management] realm: expected one of [server, users_file], got 'ldap'",
                        "config.toml: [management.oidc] issuer: expected an absolute http:// or https:// URL, got 'idp.example.org'",
                        "config.toml: [management.oidc] roles_claim: expected a claim name, or a dotted path such as realm_access.roles, got 'realm_access.'",
                        "config.toml: [management.oidc] operator_roles: expected at least one value of the roles claim"));
    }

    private GatewayConfig read(String management) {
        return new ConfigFixture(directory).config(ConfigFixture.BASE + management).read();
    }
}
