package org.harmonyee.server.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.harmonyee.core.config.ConfigDefaults;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigReader;
import org.harmonyee.core.runtime.GatewayVersion;
import org.harmonyee.server.lifecycle.AssociationsView;
import org.harmonyee.services.management.ManagementResources;
import org.harmonyee.services.management.MetricsPipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The management API's OpenAPI document: {@code GET} (and {@code HEAD}) of every management
 * resource below the configured {@code [management] base_path}, protected by HTTP Basic with the
 * roles harmony-monitor or harmony-operator, {@code /metrics} likewise, and the open health probes.
 */
public class ManagementApiModel implements OASModelReader {

    private static final String BASIC = "basic";
    private static final String PROBLEM = "application/problem+json";
    private static final List<String[]> HEALTH = List.of(
            new String[] {"/health", "Every health check (liveness and readiness); 503 when one is down"},
            new String[] {"/health/live", "Liveness: the application answers"},
            new String[] {"/health/ready", "Readiness: assembled and every DICOM listener bound; backends' targets"});

    @Override
    public OpenAPI buildModel() {
        String base = basePath();
        Paths paths = OASFactory.createPaths();
        ManagementResources.ALL.forEach(resource -> paths.addPathItem(base + "/" + resource.name(),
                OASFactory.createPathItem().GET(secured(resource.name(), resource.summary()))));
        paths.addPathItem(base + "/" + AssociationsView.NAME, OASFactory.createPathItem().GET(secured(
                AssociationsView.NAME, "Every association open on the DICOM listeners, oldest first")));
        paths.addPathItem(MetricsPipeline.PATH, OASFactory.createPathItem().GET(secured(MetricsPipeline.NAME,
                "Counts, errors and latency histograms per network, pipeline, endpoint and backend",
                "text/plain; version=0.0.4")));
        HEALTH.forEach(probe -> paths.addPathItem(probe[0], OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId(probe[0].substring(1).replace('/', '-')).summary(probe[1]).addTag("health")
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", json("Every check is up"))
                        .addAPIResponse("503", json("A check is down"))))));
        return OASFactory.createOpenAPI().openapi("3.0.3")
                .info(OASFactory.createInfo().title("Harmony EE management API").version(GatewayVersion.current())
                        .description("Served on the management network only ([management] network)."))
                .components(OASFactory.createComponents().addSecurityScheme(BASIC, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme(BASIC)
                        .description("A user with the role harmony-monitor (reads) or harmony-operator")))
                .paths(paths);
    }

    private static Operation secured(String name, String summary) {
        return secured(name, summary, "application/json");
    }

    private static Operation secured(String name, String summary, String mediaType) {
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description(summary).content(content(mediaType)))
                .addAPIResponse("401", problem("No or wrong credentials (WWW-Authenticate: Basic)"))
                .addAPIResponse("403", problem("The user has neither harmony-monitor nor harmony-operator"));
        return OASFactory.createOperation().operationId(name).summary(summary).addTag("management")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BASIC))
                .responses(responses);
    }

    private static APIResponse json(String description) {
        return OASFactory.createAPIResponse().description(description).content(content("application/json"));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(content(PROBLEM));
    }

    /** No schema: Schema.type changed between MicroProfile OpenAPI 3 (Payara 6) and 4 (WildFly 39). */
    private static Content content(String mediaType) {
        return OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType());
    }

    /** The configured base path; the default when the configuration cannot be read (the deployment then fails anyway). */
    private static String basePath() {
        Optional<String> file = ConfigProvider.getConfig().getOptionalValue("harmony.config", String.class);
        try {
            return file.isPresent() ? ConfigReader.read(Path.of(file.get())).management().basePath()
                    : "/" + ConfigDefaults.MANAGEMENT_BASE_PATH;
        } catch (ConfigException invalid) {
            return "/" + ConfigDefaults.MANAGEMENT_BASE_PATH;
        }
    }
}
