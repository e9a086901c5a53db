package org.harmonyee.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management network accepts bearer tokens of the OpenID Connect provider of
 * {@code [management.oidc]} (a real {@code oidc-provider} started here; the gateway finds its keys
 * by discovery), with the roles from the token's {@code groups} claim: it-monitoring grants
 * harmony-monitor, it-operators harmony-operator.
 */
@ExtendWith(ArquillianExtension.class)
class ManagementOidcIT {

    private static final String INFO = "/admin/info";

    private static OidcProvider provider;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startProvider() throws Exception {
        provider = OidcProvider.start();
    }

    @AfterAll
    static void stopProvider() throws InterruptedException {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void noTokenIsAskedForWithA401ProblemNamingBothSchemes() {
        Response response = given().get(Gateway.managementUrl() + INFO);

        HttpPipelineIT.assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).contains("Basic realm=", "Bearer realm=");
    }

    @Test
    void aTokenWithoutAManagementRoleIsA403() {
        Response response = withToken(provider.token("outsider-client")).get(Gateway.managementUrl() + INFO);

        HttpPipelineIT.assertProblem(response, 403, "forbidden");
        assertThat(response.jsonPath().getString("detail")).contains("outsider-client", "harmony-monitor");
    }

    @Test
    void theMonitorRoleReadsButDoesNotChangeState() {
        String token = provider.token("monitor-client");

        Response info = withToken(token).get(Gateway.managementUrl() + INFO);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.jsonPath().getString("proxy_id")).isEqualTo("harmony-it");
        HttpPipelineIT.assertProblem(withToken(token).post(Gateway.managementUrl() + INFO), 403, "forbidden");
    }

    @Test
    void theOperatorRoleReadsAndReachesStateChangingMethods() {
        String token = provider.token("operator-client");

        assertThat(withToken(token).get(Gateway.managementUrl() + "/admin/routes").statusCode()).isEqualTo(200);
        HttpPipelineIT.assertProblem(withToken(token).post(Gateway.managementUrl() + INFO), 405,
                "method-not-allowed");
    }

    @Test
    void anExpiredTokenIsA401() throws JOSEException {
        Instant past = Instant.now().minusSeconds(3_600);
        String expired = provider.sign(claims(provider.issuer()).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(300))).build());

        assertInvalidToken(withToken(expired).get(Gateway.managementUrl() + INFO), "Expired JWT");
    }

    @Test
    void aTokenOfAnotherIssuerOrKeyIsA401() throws JOSEException {
        String foreignIssuer = provider.sign(claims("http://idp.invalid").build());
        String foreignKey = OidcProvider.sign(claims(provider.issuer()).build(), OidcProvider.signingKey("it-idp"));

        assertInvalidToken(withToken(foreignIssuer).get(Gateway.managementUrl() + INFO), "iss");
        assertInvalidToken(withToken(foreignKey).get(Gateway.managementUrl() + INFO), "Signed JWT rejected");
        assertInvalidToken(withToken("not-a-jwt").get(Gateway.managementUrl() + INFO), "not a JWT");
    }

    private static JWTClaimsSet.Builder claims(String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("operator-client").audience(OidcProvider.AUDIENCE)
                .claim("groups", List.of("it-operators")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static void assertInvalidToken(Response response, String reason) {
        HttpPipelineIT.assertProblem(response, 401, "unauthorized");
        assertThat(response.jsonPath().getString("detail")).startsWith("invalid token").contains(reason);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=").contains("error=\"invalid_token\"");
    }

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
