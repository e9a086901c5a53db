package org.harmonyee.middleware.auth;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.LogRecorder;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.middleware.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasicAuthTest {

    @TempDir
    Path directory;

    private TestGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    private TestGateway start(String extra) {
        gateway = new TestGateway(directory);
        return gateway.start("""
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["auth"]
                backends = ["echo"]
                [endpoints.e]
                service = "http"
                path_prefix = "/"
                [backends.echo]
                service = "echo"
                [middleware.auth]
                type = "basic_auth"
                username = "clinician"
                password = "s3cret:with:colons"
                realm = "radiology"
                """ + extra);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertChallenged(ResponseEnvelope response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().first("WWW-Authenticate")).contains("Basic realm=\"radiology\", charset=\"UTF-8\"");
    }

    @Test
    void validCredentialsPassAndNameTheUser() {
        ResponseEnvelope response = start("").get("/x", "Authorization", basic("clinician:s3cret:with:colons"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(TestGateway.json(response).at("/metadata/auth.user").asText()).isEqualTo("clinician");
        assertThat(TestGateway.json(response).at("/metadata/auth.method").asText()).isEqualTo("basic");
    }

    @Test
    void wrongPasswordWrongUserMissingHeaderAndMalformedBase64AreChallenged() {
        start("");
        assertChallenged(gateway.get("/x", "Authorization", basic("clinician:wrong")));
        assertChallenged(gateway.get("/x", "Authorization", basic("intruder:s3cret:with:colons")));
        assertChallenged(gateway.get("/x"));
        assertChallenged(gateway.get("/x", "Authorization", "Basic ***not-base64***"));
        assertChallenged(gateway.get("/x", "Authorization", basic("no-colon")));
        assertChallenged(gateway.get("/x", "Authorization", "Digest username=clinician"));
        assertChallenged(gateway.get("/x", "Authorization", "Bearer anything"));
    }

    @Test
    void theTokenFileIsAcceptedAsBearerAndReReadWhenItChanges() throws IOException {
        Path token = directory.resolve("token.txt");
        Files.writeString(token, "  first-token\n");
        start("token_path = \"token.txt\"\n");

        assertThat(gateway.get("/x", "Authorization", "Bearer first-token").status()).isEqualTo(200);
        assertChallenged(gateway.get("/x", "Authorization", "Bearer other"));

        Files.writeString(token, "second-token-rotated");
        Files.setLastModifiedTime(token, FileTime.from(Instant.now().plusSeconds(5)));
        assertChallenged(gateway.get("/x", "Authorization", "Bearer first-token"));
        assertThat(gateway.get("/x", "Authorization", "Bearer second-token-rotated").status()).isEqualTo(200);
    }

    @Test
    void aTokenFileThatDoesNotExistYetIsAWarningAndATokenWrittenLaterWorksWithoutARestart() throws IOException {
        try (LogRecorder log = LogRecorder.of(BasicAuth.class)) {
            start("token_path = \"secrets/token.txt\"\n");

            assertChallenged(gateway.get("/x", "Authorization", "Bearer late-token"));
            assertChallenged(gateway.get("/x", "Authorization", "Bearer "));
            assertThat(log.warnings()).singleElement().asString()
                    .contains("pipelines/p.toml: [middleware.auth] token_path:")
                    .contains("secrets" + java.io.File.separator + "token.txt").contains("does not exist yet");
        }

        Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(directory.resolve("secrets/token.txt"), "late-token\n");

        ResponseEnvelope response = gateway.get("/x", "Authorization", "Bearer late-token");
        assertThat(response.status()).isEqualTo(200);
        assertThat(TestGateway.json(response).at("/metadata/auth.method").asText()).isEqualTo("token");
        assertThat(gateway.get("/x", "Authorization", basic("clinician:s3cret:with:colons")).status())
                .as("Basic credentials work throughout").isEqualTo(200);

        Files.delete(directory.resolve("secrets/token.txt"));
        assertChallenged(gateway.get("/x", "Authorization", "Bearer late-token"));
    }

    @Test
    void missingOptionsStopTheStartupNamingFileTableAndKey() {
        gateway = new TestGateway(directory);
        assertThatThrownBy(() -> gateway.start("""
                [middleware.auth]
                type = "basic_auth"
                token_path = "pipelines"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines/p.toml: [middleware.auth] username: required, missing")
                .hasMessageContaining("pipelines/p.toml: [middleware.auth] password: required, missing")
                .hasMessageContaining("pipelines/p.toml: [middleware.auth] token_path: cannot read")
                .hasMessageContaining("not a readable file");
    }
}
