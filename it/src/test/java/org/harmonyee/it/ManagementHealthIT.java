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

/**
 * MicroProfile Health on the management network, without credentials: ready once the gateway is
 * assembled and its DICOM listener bound, with each backend's targets as their probes saw them.
 */
@ExtendWith(ArquillianExtension.class)
class ManagementHealthIT {

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @Test
    void readinessIsUpWithTheDicomListenerBoundAndTheBackendsDescribed() {
        Response ready = given().get(Gateway.managementUrl() + "/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.jsonPath().getString("status")).isEqualTo("UP");
        Map<String, Object> gateway = check(ready, "harmony-gateway");
        assertThat(gateway.get("status")).isEqualTo("UP");
        assertThat(data(gateway)).containsEntry("dicom.imaging", "listening").containsEntry("state", "serving")
                .containsKey("http.management");
        Map<String, Object> backends = data(check(ready, "harmony-backends"));
        assertThat(String.valueOf(backends.get("dead"))).matches("\\d/1 targets up.*");
    }

    @Test
    void livenessAndTheWholeAnswerWithoutCredentials() {
        Response live = given().get(Gateway.managementUrl() + "/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(check(live, "harmony-gateway").get("status")).isEqualTo("UP");

        Response all = given().get(Gateway.managementUrl() + "/health");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.jsonPath().getList("checks.name", String.class))
                .contains("harmony-gateway", "harmony-backends");
    }

    private static Map<String, Object> check(Response response, String name) {
        List<Map<String, Object>> checks = response.jsonPath().getList("checks");
        return checks.stream().filter(check -> name.equals(check.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + response.asString()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        return (Map<String, Object>) check.get("data");
    }
}
