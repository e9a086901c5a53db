package org.harmonyee.it;

import io.restassured.response.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The middleware set on the deployed gateway, over real HTTP. */
@ExtendWith(ArquillianExtension.class)
class MiddlewareIT {

    private static UpstreamServer upstream;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void startUpstream() throws IOException {
        upstream = UpstreamServer.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthChallengesStrangersAndNamesTheUser() {
        Response denied = given().get(Gateway.publicUrl() + "/secure/x");
        HttpPipelineIT.assertProblem(denied, 401, "unauthorized");
        assertThat(denied.header("WWW-Authenticate")).startsWith("Basic realm=\"harmony-it\"");
        HttpPipelineIT.assertProblem(given().header("Authorization", basic("it-user", "wrong"))
                .get(Gateway.publicUrl() + "/secure/x"), 401, "unauthorized");

        Response allowed = given().header("Authorization", basic("it-user", "it-password-123"))
                .get(Gateway.publicUrl() + "/secure/x");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.jsonPath().getString("metadata['auth.user']")).isEqualTo("it-user");
    }

    @Test
    void containerAuthAcceptsTheCallerTheServerAuthenticatedWithTheRole() {
        String url = Gateway.internalUrl() + "/operators/x";
        Response anonymous = given().get(url);
        HttpPipelineIT.assertProblem(anonymous, 401, "unauthorized");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=\"harmony-it\"");
        HttpPipelineIT.assertProblem(given().auth().preemptive().basic("admin", "wrong").get(url), 401,
                "unauthorized");
        Response monitor = Gateway.asMonitor().get(url);
        HttpPipelineIT.assertProblem(monitor, 403, "forbidden");
        assertThat(monitor.jsonPath().getString("detail")).contains("monitor", "harmony-operator");

        Response operator = Gateway.asAdmin().get(url);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.jsonPath().getString("metadata['auth.user']")).isEqualTo("admin");
        assertThat(operator.jsonPath().getString("metadata['auth.method']")).isEqualTo("container");
    }

    @Test
    void jwtAuthAcceptsSignedTokensAndRefusesTheRest() throws Exception {
        long now = Instant.now().getEpochSecond();
        String valid = token("{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
                "{\"sub\":\"dr.who\",\"iss\":\"https://idp.it/\",\"aud\":\"harmony-it\",\"iat\":" + now
                        + ",\"exp\":" + (now + 300) + "}");
        Response allowed = given().header("Authorization", "Bearer " + valid).get(Gateway.publicUrl() + "/jwt/Patient");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.jsonPath().getString("metadata['jwt.sub']")).isEqualTo("dr.who");

        String expired = token("{\"alg\":\"RS256\"}", "{\"sub\":\"dr.who\",\"iss\":\"https://idp.it/\","
                + "\"aud\":\"harmony-it\",\"exp\":" + (now - 600) + "}");
        String none = base64("{\"alg\":\"none\"}") + "." + base64("{\"sub\":\"admin\",\"iss\":\"https://idp.it/\","
                + "\"aud\":\"harmony-it\",\"exp\":" + (now + 300) + "}") + ".";
        for (String forged : new String[] {expired, none, valid.substring(0, valid.length() - 4) + "AAAA"}) {
            Response denied = given().header("Authorization", "Bearer " + forged).get(Gateway.publicUrl() + "/jwt/Patient");
            HttpPipelineIT.assertProblem(denied, 401, "unauthorized");
            assertThat(denied.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        }
    }

    @Test
    void authThenFilterThenTransform() {
        String credentials = basic("it-user", "it-password-123");
        HttpPipelineIT.assertProblem(given().contentType("application/json").body("{}")
                .post(Gateway.publicUrl() + "/shop/orders"), 401, "unauthorized");
        HttpPipelineIT.assertProblem(given().header("Authorization", credentials).contentType("application/json")
                .body("{}").post(Gateway.publicUrl() + "/shop/orders"), 404, "not-found");

        Response mapped = given().header("Authorization", credentials).contentType("application/json")
                .body("{\"id\":\"9\",\"mrn\":\"M-9\",\"first_name\":\"Ann\",\"last_name\":\"Doe\",\"gender\":\"M\"}")
                .post(Gateway.publicUrl() + "/shop/patients");
        assertThat(mapped.statusCode()).isEqualTo(200);
        assertThat(mapped.jsonPath().getString("body.resourceType")).isEqualTo("Patient");
        assertThat(mapped.jsonPath().getString("body.name[0].family")).isEqualTo("DOE");
        assertThat(mapped.jsonPath().getString("body.gender")).isEqualTo("male");
    }

    @Test
    void rightSideTransformReshapesTheBackendsAnswer() {
        Response summary = given().get(Gateway.publicUrl() + "/summary/bundle");

        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.contentType()).startsWith("application/fhir+json");
        assertThat(summary.jsonPath().getString("source")).isEqualTo("Bundle");
        assertThat(summary.jsonPath().getInt("count")).isEqualTo(2);
        assertThat(summary.jsonPath().getList("ids")).containsExactly("p1", "p2");
    }

    /** An RS256 JWT signed with the test-only private key whose public half the gateway trusts. */
    private static String token(String header, String claims) throws IOException, GeneralSecurityException {
        String signingInput = base64(header) + "." + base64(claims);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static PrivateKey privateKey() throws IOException, GeneralSecurityException {
        try (var in = MiddlewareIT.class.getResourceAsStream("/keys/jwt-private-test-only.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
