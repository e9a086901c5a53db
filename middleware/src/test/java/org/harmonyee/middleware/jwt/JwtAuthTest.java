package org.harmonyee.middleware.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpServer;
import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.middleware.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** jwt_auth against tokens made in the test, and the attacks it must refuse. */
class JwtAuthTest {

    @TempDir
    Path directory;

    private TestGateway gateway;
    private HttpServer jwksServer;
    private final RSAKey key = Tokens.rsaKey("k1");

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    private TestGateway start(String options) {
        gateway = new TestGateway(directory);
        return gateway.start("""
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["jwt"]
                backends = ["echo"]
                [endpoints.e]
                service = "http"
                path_prefix = "/"
                [backends.echo]
                service = "echo"
                [middleware.jwt]
                type = "jwt_auth"
                issuer = "https://idp.test/"
                audience = "harmony"
                leeway_secs = 60
                """ + options);
    }

    private TestGateway startWithPem() {
        gateway = new TestGateway(directory).file("keys/jwt.pem", Tokens.publicPem(key));
        return start("public_key_path = \"keys/jwt.pem\"\n");
    }

    private ResponseEnvelope call(String token) {
        return gateway.get("/fhir/Patient", "Authorization", "Bearer " + token);
    }

    private static void assertInvalid(ResponseEnvelope response, String reason) {
        assertThat(response.status()).as(reason).isEqualTo(401);
        assertThat(response.headers().first("WWW-Authenticate").orElseThrow()).as(reason)
                .startsWith("Bearer realm=\"harmony\", error=\"invalid_token\"");
    }

    @Test
    void aValidRs256TokenPassesWithItsClaimsInTheMetadata() {
        startWithPem();

        ResponseEnvelope response = call(Tokens.rs256(key, Tokens.claims().claim("groups", List.of("radiology", "ops")).build()));

        assertThat(response.status()).isEqualTo(200);
        var metadata = TestGateway.json(response).get("metadata");
        assertThat(metadata.get("jwt.sub").asText()).isEqualTo("dr.who");
        assertThat(metadata.get("jwt.iss").asText()).isEqualTo("https://idp.test/");
        assertThat(metadata.get("jwt.aud").asText()).isEqualTo("harmony");
        assertThat(metadata.get("jwt.scope").asText()).isEqualTo("patient/*.read imaging");
        assertThat(metadata.get("jwt.groups").asText()).isEqualTo("radiology,ops");
        assertThat(metadata.get("auth.user").asText()).isEqualTo("dr.who");
    }

    @Test
    void anAudienceArrayContainingOursPasses() {
        startWithPem();
        assertThat(call(Tokens.rs256(key, Tokens.claims().audience(List.of("other", "harmony")).build())).status())
                .isEqualTo(200);
    }

    @Test
    void timeClaimsAreCheckedWithLeeway() {
        startWithPem();
        Instant now = Instant.now();
        assertInvalid(call(Tokens.rs256(key, Tokens.claims().expirationTime(Date.from(now.minusSeconds(120))).build())),
                "expired");
        assertThat(call(Tokens.rs256(key, Tokens.claims().expirationTime(Date.from(now.minusSeconds(30))).build()))
                .status()).as("expired within the leeway").isEqualTo(200);
        assertInvalid(call(Tokens.rs256(key, Tokens.claims().notBeforeTime(Date.from(now.plusSeconds(300))).build())),
                "nbf in the future");
        assertInvalid(call(Tokens.rs256(key, Tokens.claims().issueTime(Date.from(now.plusSeconds(300))).build())),
                "iat in the future");
        assertInvalid(call(Tokens.rs256(key, Tokens.claims().expirationTime(null).build())), "missing exp");
    }

    @Test
    void issuerAndAudienceMustMatch() {
        startWithPem();
        assertInvalid(call(Tokens.rs256(key, Tokens.claims().issuer("https://evil.test/").build())), "wrong iss");
        assertInvalid(call(Tokens.rs256(key, Tokens.claims().audience("someone-else").build())), "wrong aud");
    }

    @Test
    void forgedTokensAreRejected() {
        startWithPem();
        JWTClaimsSet claims = Tokens.claims().build();

        assertInvalid(call(new PlainJWT(claims).serialize()), "alg none");
        byte[] publicKeyBytes = Tokens.publicPem(key).getBytes(StandardCharsets.UTF_8);
        assertInvalid(call(Tokens.hs256(publicKeyBytes, claims)), "HS256 signed with the RSA public key");
        String valid = Tokens.rs256(key, claims);
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                Tokens.claims().subject("admin").build().toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertInvalid(call(tampered), "tampered payload");
        assertInvalid(call(Tokens.rs256(Tokens.rsaKey("k1"), claims)), "signed by another key with the same kid");
        assertInvalid(call("not.a.jwt"), "garbage");
    }

    @Test
    void aMissingTokenIsChallengedWithoutAnError() {
        startWithPem();

        ResponseEnvelope response = gateway.get("/fhir/Patient");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().first("WWW-Authenticate")).contains("Bearer realm=\"harmony\"");
    }

    @Test
    void aJwksFileSelectsByKidAndRejectsAnUnknownKid() {
        RSAKey second = Tokens.rsaKey("k2");
        gateway = new TestGateway(directory).file("keys/jwks.json",
                new JWKSet(List.of(key.toPublicJWK(), second.toPublicJWK())).toString());
        start("public_key_path = \"keys/jwks.json\"\n");

        assertThat(call(Tokens.rs256(key, Tokens.claims().build())).status()).isEqualTo(200);
        assertThat(call(Tokens.rs256(second, Tokens.claims().build())).status()).isEqualTo(200);
        assertInvalid(call(Tokens.rs256(Tokens.rsaKey("k9"), Tokens.claims().build())), "unknown kid");
    }

    @Test
    void aJwksUrlIsRefreshedWhenAnUnknownKidArrives() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(new JWKSet(key.toPublicJWK()).toString());
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        jwksServer.createContext("/jwks", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksServer.start();
        start("jwks_url = \"http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks\"\n"
                + "jwks_refresh_min_interval_ms = 0\n");

        assertThat(call(Tokens.rs256(key, Tokens.claims().build())).status()).isEqualTo(200);
        RSAKey rotated = Tokens.rsaKey("k2");
        assertInvalid(call(Tokens.rs256(rotated, Tokens.claims().build())), "kid not published yet");

        served.set(new JWKSet(List.of(key.toPublicJWK(), rotated.toPublicJWK())).toString());
        assertThat(call(Tokens.rs256(rotated, Tokens.claims().build())).status()).as("after rotation").isEqualTo(200);
    }

    @Test
    void anUnreachableJwksUrlIsAnInternalFailureNotAnAuthenticationOne() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        start("jwks_url = \"http://127.0.0.1:" + closed + "/jwks\"\n");

        ResponseEnvelope response = call(Tokens.rs256(key, Tokens.claims().build()));

        assertThat(response.status()).isEqualTo(500);
        assertThat(TestGateway.text(response)).contains("middleware-failure").contains("cannot be verified now");
        assertThat(response.headers().contains("WWW-Authenticate")).isFalse();
    }

    @Test
    void anX509CertificateIsAnAcceptedKey() throws Exception {
        Path store = directory.resolve("idp.p12");
        run("-genkeypair", "-alias", "idp", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=idp.test",
                "-validity", "2", "-keystore", store.toString(), "-storepass", "changeit", "-storetype", "PKCS12");
        run("-exportcert", "-rfc", "-alias", "idp", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", directory.resolve("idp.crt").toString());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        PrivateKey signing = (PrivateKey) keyStore.getKey("idp", "changeit".toCharArray());
        start("public_key_path = \"idp.crt\"\n");

        assertThat(call(Tokens.rs256(signing, Tokens.claims().build())).status()).isEqualTo(200);
        assertInvalid(call(Tokens.rs256(key, Tokens.claims().build())), "another key");
    }

    @Test
    void hs256OnlyWhenExplicitWithALongSecret() {
        String secret = "0123456789abcdef0123456789abcdef";
        start("use_hs256 = true\nhs256_secret = \"" + secret + "\"\n");

        assertThat(call(Tokens.hs256(secret.getBytes(StandardCharsets.UTF_8), Tokens.claims().build())).status())
                .isEqualTo(200);
        assertInvalid(call(Tokens.rs256(key, Tokens.claims().build())), "RS256 token while HS256 is configured");
    }

    @Test
    void theRustNameJwtauthIsTheSameType() {
        String secret = "0123456789abcdef0123456789abcdef";
        gateway = new TestGateway(directory);
        gateway.start("""
                [middleware_types.jwtauth]
                module = ""
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["jwt"]
                backends = ["echo"]
                [endpoints.e]
                service = "http"
                path_prefix = "/"
                [backends.echo]
                service = "echo"
                [middleware.jwt]
                type = "jwtauth"
                [middleware.jwt.options]
                use_hs256 = true
                """ + "hs256_secret = \"" + secret + "\"\n");

        assertThat(call(Tokens.hs256(secret.getBytes(StandardCharsets.UTF_8), Tokens.claims().build())).status())
                .isEqualTo(200);
        assertThat(gateway.get("/fhir/Patient").status()).isEqualTo(401);
    }

    @Test
    void anUnknownTypeListsBothNames() {
        gateway = new TestGateway(directory);
        assertThatThrownBy(() -> gateway.start("""
                [middleware.jwt]
                type = "jwt-auth"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[middleware.jwt] type: unknown middleware type 'jwt-auth'")
                .hasMessageContaining("jwt_auth, jwtauth");
    }

    @Test
    void startupRefusesMissingKeysAndShortSecrets() {
        gateway = new TestGateway(directory);
        assertThatThrownBy(() -> gateway.start("""
                [middleware.nokey]
                type = "jwt_auth"
                [middleware.short]
                type = "jwt_auth"
                use_hs256 = true
                hs256_secret = "too-short"
                [middleware.badfile]
                type = "jwt_auth"
                public_key_path = "absent.pem"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines/p.toml: [middleware.nokey] public_key_path: jwt_auth needs an RS256 key")
                .hasMessageContaining("pipelines/p.toml: [middleware.short] hs256_secret: must be at least 32 bytes")
                .hasMessageContaining("pipelines/p.toml: [middleware.badfile] public_key_path: cannot read");
    }

    private static void run(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
