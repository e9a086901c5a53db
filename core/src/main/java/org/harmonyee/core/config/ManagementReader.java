package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code [management]} and {@code [management.oidc]}; the defaults are {@link ConfigDefaults}'. */
final class ManagementReader {

    private static final Set<String> MANAGEMENT_KEYS = Set.of("enabled", "base_path", "network", "realm");
    private static final Set<String> OIDC_KEYS = Set.of("issuer", "jwks_url", "audience", "roles_claim",
            "monitor_roles", "operator_roles", "leeway_secs");

    private ManagementReader() {
    }

    static ManagementSettings read(Options management, Path directory) {
        TableShape.check(management, MANAGEMENT_KEYS, Set.of("oidc"));
        boolean enabled = management.bool("enabled", ConfigDefaults.MANAGEMENT_ENABLED);
        String basePath = trimSlashes(management.string("base_path", ConfigDefaults.MANAGEMENT_BASE_PATH));
        if (basePath.isBlank()) {
            management.problem("base_path", "must not be blank");
        }
        String network = management.string("network", "");
        if (enabled && network.isBlank()) {
            management.problem("network", "required when the management API is enabled");
        }
        String realm = management.oneOf("realm", ConfigDefaults.MANAGEMENT_REALM, Set.of("users_file", "server"));
        JsonNode oidcNode = management.raw("oidc");
        Optional<OidcSettings> oidc = Optional.empty();
        if (oidcNode != null && !oidcNode.isObject()) {
            management.problem("oidc", "expected a table");
        } else if (oidcNode != null) {
            oidc = Optional.of(oidc(new Options((ObjectNode) oidcNode, management.source().child("oidc"),
                    management.problems(), directory)));
        }
        return new ManagementSettings(enabled, "/" + basePath, network,
                ManagementSettings.Realm.valueOf(realm.toUpperCase(Locale.ROOT)), oidc);
    }

    private static OidcSettings oidc(Options oidc) {
        TableShape.check(oidc, OIDC_KEYS, Set.of());
        URI issuer = oidc.httpUrl("issuer");
        Optional<URI> jwks = oidc.has("jwks_url") ? Optional.of(oidc.httpUrl("jwks_url")) : Optional.empty();
        Optional<String> audience = oidc.string("audience").filter(value -> !value.isBlank());
        String claim = oidc.string("roles_claim", ConfigDefaults.OIDC_ROLES_CLAIM);
        if (claim.isBlank() || claim.startsWith(".") || claim.endsWith(".") || claim.contains("..")) {
            oidc.problem("roles_claim", "expected a claim name, or a dotted path such as realm_access.roles, got '"
                    + claim + "'");
        }
        List<String> monitor = roleValues(oidc, "monitor_roles", ConfigDefaults.OIDC_MONITOR_VALUE);
        List<String> operator = roleValues(oidc, "operator_roles", ConfigDefaults.OIDC_OPERATOR_VALUE);
        long leeway = oidc.integer("leeway_secs", ConfigDefaults.OIDC_LEEWAY_SECONDS, 0, 3_600);
        return new OidcSettings(issuer, jwks, audience, claim, monitor, operator, leeway);
    }

    private static List<String> roleValues(Options oidc, String key, String defaultValue) {
        if (!oidc.has(key)) {
            return List.of(defaultValue);
        }
        List<String> values = oidc.strings(key).stream().filter(value -> !value.isBlank()).toList();
        if (values.isEmpty()) {
            oidc.problem(key, "expected at least one value of the roles claim");
        }
        return values;
    }

    private static String trimSlashes(String path) {
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
