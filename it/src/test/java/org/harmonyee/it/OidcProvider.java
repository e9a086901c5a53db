package org.harmonyee.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.restassured.RestAssured.given;

/**
 * A real OpenID Connect provider for the deployment tests: panva's {@code oidc-provider} (installed
 * by it/pom.xml into {@code IT_OIDC_DIR}, run by the machine's Node.js) on {@code IT_OIDC_PORT},
 * with a signing key made here, so that a test can also sign tokens the provider would never issue
 * (expired, of another issuer). Its clients are in {@code src/test/oidc/provider.mjs}.
 */
final class OidcProvider implements AutoCloseable {

    static final String AUDIENCE = "urn:harmony:management";

    private final RSAKey key;
    private final Process process;

    private OidcProvider(RSAKey key, Process process) {
        this.key = key;
        this.process = process;
    }

    static OidcProvider start() throws IOException, JOSEException, InterruptedException {
        Path directory = Path.of(System.getenv("IT_OIDC_DIR"));
        RSAKey key = signingKey("it-idp");
        Path keyFile = directory.resolve("signing-key.json");
        Files.writeString(keyFile, key.toJSONString(), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("node", "provider.mjs", String.valueOf(Gateway.port("IT_OIDC_PORT")),
                keyFile.toString()).directory(directory.toFile()).redirectErrorStream(true).start();
        OidcProvider provider = new OidcProvider(key, process);
        try {
            provider.awaitReady();
        } catch (IOException | RuntimeException e) {
            provider.close();
            throw e;
        }
        return provider;
    }

    static RSAKey signingKey(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    String issuer() {
        return "http://127.0.0.1:" + Gateway.port("IT_OIDC_PORT");
    }

    /** An access token the provider issues to {@code client} by the client_credentials grant. */
    String token(String client) {
        return given().auth().preemptive().basic(client, client + "-secret")
                .formParam("grant_type", "client_credentials")
                .post(issuer() + "/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token with these claims, signed with the provider's own key. */
    String sign(JWTClaimsSet claims) throws JOSEException {
        return sign(claims, key);
    }

    static String sign(JWTClaimsSet claims, RSAKey with) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private void awaitReady() throws IOException, InterruptedException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.equals("ready")) {
                        return seen.toString();
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // The process ended: the exception below names what it printed.
            }
            throw new IllegalStateException("oidc-provider ended before it listened:\n" + seen);
        });
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("oidc-provider did not listen within 60 s");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage());
        }
        // Keep reading its warnings so that a full pipe never blocks it.
        CompletableFuture.runAsync(() -> output.lines().forEach(line -> { }));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
