package org.harmonyee.middleware.auth;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.envelope.ContainerCaller;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.middleware.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerAuthTest {

    @TempDir
    Path directory;

    private TestGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private TestGateway start(String options) {
        gateway = new TestGateway(directory);
        return gateway.start(TestGateway.echoPipeline("\"auth\"") + """
                [middleware.auth]
                type = "container_auth"
                """ + options);
    }

    private static RequestEnvelope as(String name, String... roles) {
        return RequestEnvelope.builder("0123456789abcdef", "GET", "/x").containerCaller(new ContainerCaller() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean inRole(String role) {
                return Set.of(roles).contains(role);
            }
        }).build();
    }

    @Test
    void theServersCallerPassesAndIsNamedInTheMetadata() {
        ResponseEnvelope response = start("").send(as("radiologist", "staff"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(TestGateway.json(response).at("/metadata/auth.user").asText()).isEqualTo("radiologist");
        assertThat(TestGateway.json(response).at("/metadata/auth.method").asText()).isEqualTo("container");
    }

    @Test
    void noCallerIsA401AskingForCredentialsOfTheRealm() {
        ResponseEnvelope response = start("realm = \"pacs\"\n").get("/x", "Authorization", "Basic Zm9vOmJhcg==");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().first("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(response.headers().first("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=\"pacs\"");
    }

    @Test
    void withRolesACallerNeedsOneOfThem() {
        start("roles = [\"radiology\", \"admin\"]\n");

        assertThat(gateway.send(as("radiologist", "staff", "radiology")).status()).isEqualTo(200);
        ResponseEnvelope refused = gateway.send(as("clerk", "staff"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(TestGateway.text(refused)).contains("clerk", "radiology, admin");
    }

    @Test
    void aBlankRoleIsAConfigurationProblem() {
        assertThatThrownBy(() -> start("roles = [\"radiology\", \" \"]\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[middleware.auth] roles: role names must not be blank");
    }
}
