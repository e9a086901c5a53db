package org.harmonyee.it;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management API's OpenAPI document at /openapi on the management network lists every management
 * route and the security schemes in force: HTTP Basic, and bearer tokens (JWT) since the test
 * configuration has {@code [management.oidc]}, either one on every management operation, none on the
 * health probes. (Payara serves it inside the application, so it needs credentials there; WildFly
 * serves it beside the application, without.)
 */
@ExtendWith(ArquillianExtension.class)
class ManagementOpenApiIT {

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @Test
    void theDocumentListsEveryManagementRoute() {
        Response document = Gateway.asMonitor().accept("application/json").get(Gateway.managementUrl() + "/openapi");

        assertThat(document.statusCode()).isEqualTo(200);
        Map<String, Object> paths = document.jsonPath().getMap("paths");
        List<String> served = Gateway.asAdmin().get(Gateway.managementUrl() + "/admin/nothing-here")
                .jsonPath().getString("detail").replaceFirst(".*; try ", "").lines()
                .flatMap(names -> List.of(names.split(", ")).stream()).map(name -> "/admin/" + name).toList();
        assertThat(served).contains("/admin/info", "/admin/associations");
        assertThat(paths.keySet()).containsAll(served)
                .contains("/metrics", "/health", "/health/live", "/health/ready");
    }

    @Test
    void everyManagementOperationTakesBasicOrABearerTokenAndTheProbesNeither() {
        JsonPath document = Gateway.asMonitor().accept("application/json").get(Gateway.managementUrl() + "/openapi")
                .jsonPath();

        assertThat(document.getMap("components.securitySchemes.basic")).containsEntry("type", "http")
                .containsEntry("scheme", "basic");
        assertThat(document.getMap("components.securitySchemes.bearer")).containsEntry("type", "http")
                .containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
        assertThat(document.getMap("components.securitySchemes")).containsOnlyKeys("basic", "bearer");
        for (String path : List.of("/admin/info", "/admin/associations", "/metrics")) {
            assertThat(document.getList("paths.'" + path + "'.get.security")).as(path)
                    .containsExactly(Map.of("basic", List.of()), Map.of("bearer", List.of()));
        }
        assertThat(document.getList("paths.'/health/ready'.get.security")).isNullOrEmpty();
    }
}
