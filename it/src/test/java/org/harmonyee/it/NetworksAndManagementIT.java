package org.harmonyee.it;

import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A pipeline answers only on its networks; the management API only on its own. */
@ExtendWith(ArquillianExtension.class)
class NetworksAndManagementIT {

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @Test
    void pipelinesAnswerOnlyOnTheirNetworks() {
        assertThat(given().get(Gateway.internalUrl() + "/internal/x").statusCode()).isEqualTo(200);
        HttpPipelineIT.assertProblem(given().get(Gateway.publicUrl() + "/internal/x"), 404, "not-found");
        HttpPipelineIT.assertProblem(given().get(Gateway.internalUrl() + "/echo"), 404, "not-found");
        HttpPipelineIT.assertProblem(Gateway.asAdmin().get(Gateway.managementUrl() + "/echo"), 404, "not-found");
    }

    @Test
    void managementApiAnswersOnlyOnTheManagementNetwork() {
        assertThat(Gateway.asAdmin().get(Gateway.managementUrl() + "/admin/info").statusCode()).isEqualTo(200);
        HttpPipelineIT.assertProblem(given().get(Gateway.publicUrl() + "/admin/info"), 404, "not-found");
        HttpPipelineIT.assertProblem(given().get(Gateway.internalUrl() + "/admin/info"), 404, "not-found");
    }

    @Test
    void infoDescribesTheRunningGateway() {
        Response info = Gateway.asAdmin().get(Gateway.managementUrl() + "/admin/info");

        assertThat(info.contentType()).startsWith("application/json");
        assertThat(info.jsonPath().getString("version")).isNotBlank();
        assertThat(info.jsonPath().getString("proxy_id")).isEqualTo("harmony-it");
        assertThat(info.jsonPath().getString("started_at")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(info.jsonPath().getLong("uptime_seconds")).isBetween(0L, 3600L);
        assertThat(info.jsonPath().getString("java_version")).startsWith(String.valueOf(Runtime.version().feature()));
        assertThat(info.jsonPath().getString("server")).startsWith(serverUnderTest());
    }

    /** The runtime the build deployed to, as {@code /admin/info} names it. */
    private static String serverUnderTest() {
        return switch (System.getProperty("arquillian.launch")) {
            case "payara-micro" -> "Payara Micro";
            case "payara-server" -> "Payara Server";
            case "wildfly" -> "WildFly";
            default -> throw new IllegalStateException("unknown container: " + System.getProperty("arquillian.launch"));
        };
    }

    @Test
    void pipelinesListsEveryPipeline() {
        Response pipelines = Gateway.asAdmin().get(Gateway.managementUrl() + "/admin/pipelines");

        List<Map<String, Object>> list = pipelines.jsonPath().getList("pipelines");
        assertThat(list).extracting(p -> p.get("id"))
                .contains("echo", "internal", "passthrough", "down", "nobackend", "limited", "management");
        Map<String, Object> passthrough = list.stream().filter(p -> p.get("id").equals("passthrough")).findFirst()
                .orElseThrow();
        assertThat(passthrough).containsEntry("networks", List.of("public"))
                .containsEntry("endpoints", List.of("api")).containsEntry("backends", List.of("upstream"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void routesListsPathsMethodsAndOwners() {
        Response routes = Gateway.asAdmin().get(Gateway.managementUrl() + "/admin/routes");

        List<Map<String, Object>> list = routes.jsonPath().getList("routes");
        Map<String, Object> echo = list.stream().filter(r -> r.get("path").equals("/echo")).findFirst().orElseThrow();
        assertThat(echo).containsEntry("network", "public").containsEntry("pipeline", "echo")
                .containsEntry("endpoint", "echo_http").containsEntry("service", "http");
        assertThat((List<Object>) echo.get("methods")).contains("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
        assertThat(list).extracting(r -> r.get("path")).contains("/admin", "/internal", "/api");
    }

    @Test
    void backendsShowsTargetsAndTheirState() {
        Response backends = Gateway.asAdmin().get(Gateway.managementUrl() + "/admin/backends");

        List<Map<String, Object>> list = backends.jsonPath().getList("backends");
        Map<String, Object> upstream = list.stream().filter(b -> b.get("name").equals("upstream")).findFirst()
                .orElseThrow();
        assertThat(upstream).containsEntry("service", "http").containsEntry("health_tracked", false);
        assertThat(backends.jsonPath().getString("backends.find { it.name == 'upstream' }.targets[0].state"))
                .isEqualTo("up");
        assertThat(list).extracting(b -> b.get("name")).contains("echo_backend", "dead", "hapi");
    }

    @Test
    void unknownManagementResourceIsANotFoundProblem() {
        HttpPipelineIT.assertProblem(Gateway.asAdmin().get(Gateway.managementUrl() + "/admin/secrets"), 404, "not-found");
        HttpPipelineIT.assertProblem(Gateway.asAdmin().post(Gateway.managementUrl() + "/admin/info"), 405, "method-not-allowed");
    }
}
