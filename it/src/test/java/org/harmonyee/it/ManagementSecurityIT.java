package org.harmonyee.it;

import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management network asks for HTTP Basic credentials and checks roles; other networks are not
 * affected. The test users are in the users file (it/pom.xml), which the gateway of Payara Micro
 * consults, and in the servers' own realms, whose gateways run with {@code realm = "server"}:
 * WildFly's properties realm (src/test/wildfly/realm-users.sh) and Payara Server's LDAP realm over
 * slapd (src/test/ldap/directory.sh). The {@code realm-*} users are known only to those realms.
 */
@ExtendWith(ArquillianExtension.class)
class ManagementSecurityIT {

    private static final String INFO = "/admin/info";

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @Test
    void noCredentialsAreAskedForWithA401Problem() {
        Response response = given().get(Gateway.managementUrl() + INFO);

        HttpPipelineIT.assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=\"Harmony EE management\"");
    }

    @Test
    void aWrongPasswordOrUnknownUserIsA401() {
        HttpPipelineIT.assertProblem(given().auth().preemptive().basic("admin", "not-the-password")
                .get(Gateway.managementUrl() + INFO), 401, "unauthorized");
        HttpPipelineIT.assertProblem(given().auth().preemptive().basic("mallory", "it-admin-password")
                .get(Gateway.managementUrl() + INFO), 401, "unauthorized");
        HttpPipelineIT.assertProblem(given().header("Authorization", "Basic %%%")
                .get(Gateway.managementUrl() + INFO), 401, "unauthorized");
    }

    @Test
    void aUserOnlyTheServersRealmKnowsIsAcceptedWhereTheGatewayDefersToTheServer() {
        Response response = given().auth().preemptive().basic("realm-monitor", "it-realm-monitor-password")
                .get(Gateway.managementUrl() + INFO);

        if (serverRealm()) {
            assertThat(response.statusCode()).isEqualTo(200);
        } else {
            HttpPipelineIT.assertProblem(response, 401, "unauthorized");
        }
    }

    @Test
    void theServersRealmGroupsDecideTheRoles() {
        Response operatorReads = given().auth().preemptive().basic("realm-operator", "it-realm-operator-password")
                .get(Gateway.managementUrl() + "/admin/routes");
        Response operatorChanges = given().auth().preemptive().basic("realm-operator", "it-realm-operator-password")
                .post(Gateway.managementUrl() + INFO);
        Response monitorChanges = given().auth().preemptive().basic("realm-monitor", "it-realm-monitor-password")
                .post(Gateway.managementUrl() + INFO);
        Response wrongPassword = given().auth().preemptive().basic("realm-operator", "it-admin-password")
                .get(Gateway.managementUrl() + INFO);

        HttpPipelineIT.assertProblem(wrongPassword, 401, "unauthorized");
        if (serverRealm()) {
            assertThat(operatorReads.statusCode()).isEqualTo(200);
            HttpPipelineIT.assertProblem(operatorChanges, 405, "method-not-allowed");
            HttpPipelineIT.assertProblem(monitorChanges, 403, "forbidden");
            assertThat(monitorChanges.jsonPath().getString("detail")).contains("realm-monitor", "harmony-operator");
        } else {
            HttpPipelineIT.assertProblem(operatorReads, 401, "unauthorized");
            HttpPipelineIT.assertProblem(operatorChanges, 401, "unauthorized");
            HttpPipelineIT.assertProblem(monitorChanges, 401, "unauthorized");
        }
    }

    /** Whether the gateway under test runs with {@code realm = "server"}: on WildFly and Payara Server. */
    private static boolean serverRealm() {
        String launch = System.getProperty("arquillian.launch");
        return "wildfly".equals(launch) || "payara-server".equals(launch);
    }

    @Test
    void aUserWithoutAManagementRoleIsA403() {
        Response response = Gateway.asOutsider().get(Gateway.managementUrl() + INFO);

        HttpPipelineIT.assertProblem(response, 403, "forbidden");
        assertThat(response.jsonPath().getString("detail")).contains("outsider", "harmony-monitor");
    }

    @Test
    void theMonitorRoleReadsButDoesNotChangeState() {
        assertThat(Gateway.asMonitor().get(Gateway.managementUrl() + INFO).statusCode()).isEqualTo(200);
        assertThat(Gateway.asMonitor().get(Gateway.managementUrl() + "/admin/routes").statusCode()).isEqualTo(200);
        HttpPipelineIT.assertProblem(Gateway.asMonitor().post(Gateway.managementUrl() + INFO), 403, "forbidden");
    }

    @Test
    void theOperatorRoleReadsAndReachesStateChangingMethods() {
        Response info = Gateway.asAdmin().get(Gateway.managementUrl() + INFO);

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.jsonPath().getString("proxy_id")).isEqualTo("harmony-it");
        HttpPipelineIT.assertProblem(Gateway.asAdmin().post(Gateway.managementUrl() + INFO), 405,
                "method-not-allowed");
    }

    @Test
    void otherNetworksNeedNoCredentials() {
        assertThat(given().get(Gateway.internalUrl() + "/internal/x").statusCode()).isEqualTo(200);
        HttpPipelineIT.assertProblem(given().get(Gateway.publicUrl() + INFO), 404, "not-found");
    }
}
