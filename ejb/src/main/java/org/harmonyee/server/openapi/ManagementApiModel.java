package org.harmonyee.server.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.harmonyee.core.config.ConfigDefaults;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigReader;
import org.harmonyee.core.config.ManagementSettings;
import org.harmonyee.core.config.OidcSettings;
import org.harmonyee.core.runtime.GatewayVersion;
import org.harmonyee.server.lifecycle.AssociationsView;
import org.harmonyee.services.management.ManagementResources;
import org.harmonyee.services.management.MetricsPipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The management API's OpenAPI document: {@code GET} (and {@code HEAD}) of every management
 * resource below the configured {@code [management] base_path} and {@code /metrics}, each
 * requiring the roles harmony-monitor or harmony-operator by the security schemes in force: HTTP
 * Basic, and, when {@code [management.oidc]} is configured, an OpenID Connect provider's bearer
 * tokens (JWT), either one sufficing; and the open health probes.
 */
public class ManagementApiModel implements OASModelReader {

    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final List<String[]> HEALTH = List.of(
            new String[] {"/health", "Every health check (liveness and readiness); 503 when one is down"},
            new String[] {"/health/live", "Liveness: the application answers"},
            new String[] {"/health/ready", "Readiness: assembled and every DICOM listener bound; backends' targets"});

    @Override
    public OpenAPI buildModel() {
        Optional<ManagementSettings> management = management();
        Optional<OidcSettings> oidc = management.flatMap(ManagementSettings::oidc);
        List<String> schemes = oidc.isPresent() ? List.of(BASIC, BEARER) : List.of(BASIC);
        String base = management.map(ManagementSettings::basePath).orElse("/" + ConfigDefaults.MANAGEMENT_BASE_PATH);
        Paths paths = OASFactory.createPaths();
        ManagementResources.ALL.forEach(resource -> paths.addPathItem(base + "/" + resource.name(),
                OASFactory.createPathItem().GET(secured(schemes, resource.name(), resource.summary(), JSON))));
        paths.addPathItem(base + "/" + AssociationsView.NAME, OASFactory.createPathItem().GET(secured(schemes,
                AssociationsView.NAME, "Every association open on the DICOM listeners, oldest first", JSON)));
        paths.addPathItem(MetricsPipeline.PATH, OASFactory.createPathItem().GET(secured(schemes, MetricsPipeline.NAME,
                "Counts, errors and latency histograms per network, pipeline, endpoint and backend",
                "text/plain; version=0.0.4")));
        HEALTH.forEach(probe -> paths.addPathItem(probe[0], OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId(probe[0].substring(1).replace('/', '-')).summary(probe[1]).addTag("health")
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", json("Every check is up"))
                        .addAPIResponse("503", json("A check is down"))))));
        Components components = OASFactory.createComponents().addSecurityScheme(BASIC, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme(BASIC)
                .description("A user with the role harmony-monitor (reads) or harmony-operator"));
        oidc.ifPresent(provider -> components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme(BEARER).bearerFormat("JWT")
                .description("An access token of the OpenID Connect provider " + provider.issuer() + " whose claim '"
                        + provider.rolesClaim() + "' grants harmony-monitor or harmony-operator")));
        return OASFactory.createOpenAPI().openapi("3.0.3")
                .info(OASFactory.createInfo().title("Harmony EE management API").version(GatewayVersion.current())
                        .description("Served on the management network only ([management] network)."))
                .components(components)
                .paths(paths);
    }

    /** An operation any one of {@code schemes} may call (OpenAPI lists alternatives as separate requirements). */
    private static Operation secured(List<String> schemes, String name, String summary, String mediaType) {
        String challenge = String.join(" or ", schemes.stream().map(ManagementApiModel::challenge).toList());
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description(summary).content(content(mediaType)))
                .addAPIResponse("401", problem("No, wrong or expired credentials (WWW-Authenticate: "
                        + challenge + ")"))
                .addAPIResponse("403", problem("The caller has neither harmony-monitor nor harmony-operator"));
        Operation operation = OASFactory.createOperation().operationId(name).summary(summary).addTag("management")
                .responses(responses);
        schemes.forEach(scheme -> operation.addSecurityRequirement(
                OASFactory.createSecurityRequirement().addScheme(scheme)));
        return operation;
    }

    private static String challenge(String scheme) {
        return Character.toUpperCase(scheme.charAt(0)) + scheme.substring(1);
    }

    private static APIResponse json(String description) {
        return OASFactory.createAPIResponse().description(description).content(content(JSON));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(content(PROBLEM));
    }

    /** No schema: Schema.type changed between MicroProfile OpenAPI 3 (Payara 6) and 4 (WildFly 39). */
    private static Content content(String mediaType) {
        return OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType());
    }

    /**
     * The configured {@code [management]}; none when there is no configuration or it cannot be read
     * (the document then shows the defaults: the deployment fails anyway, with every problem logged).
     */
    private static Optional<ManagementSettings> management() {
        Optional<String> file = ConfigProvider.getConfig().getOptionalValue("harmony.config", String.class);
        try {
            return file.map(path -> ConfigReader.read(Path.of(path)).management());
        } catch (ConfigException invalid) {
            return Optional.empty();
        }
    }
}
