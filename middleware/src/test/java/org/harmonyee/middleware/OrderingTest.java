package org.harmonyee.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A five-stage pipeline (auth → path filter → transform left → backend → transform right) proves
 * the order on both sides and the early answers.
 */
class OrderingTest {

    private static final String CREDENTIALS = "Basic " + Base64.getEncoder()
            .encodeToString("ann:pw-of-ann".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path directory;

    private TestGateway gateway;

    @BeforeEach
    void start() {
        gateway = ShippedTransforms.copyInto(new TestGateway(directory))
                .file("transforms/mark_request.json", """
                        [{"operation":"modify-overwrite-beta","spec":{"stages":"=concat(@(1,stages),'left-transform;')"}}]""")
                .file("transforms/mark_response.json", """
                        [{"operation":"shift","spec":{"body":{"stages":"stages"},"metadata":{"auth.user":"user",
                          "path.id":"id"}}},
                         {"operation":"modify-overwrite-beta","spec":{"stages":"=concat(@(1,stages),'backend;right-transform')"}}]""");
        gateway.start("""
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["auth", "filter", "left", "right"]
                backends = ["echo"]
                [endpoints.e]
                service = "http"
                path_prefix = "/api"
                [backends.echo]
                service = "echo"
                [middleware.auth]
                type = "basic_auth"
                username = "ann"
                password = "pw-of-ann"
                [middleware.filter]
                type = "path_filter"
                rules = ["/orders/{id}"]
                [middleware.left]
                type = "transform"
                spec_path = "mark_request.json"
                apply = "left"
                [middleware.right]
                type = "transform"
                spec_path = "mark_response.json"
                apply = "right"
                """);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void requestSideInOrderResponseSideInReverse() {
        ResponseEnvelope response = gateway.postJson("/api/orders/7", "{\"stages\":\"client;\"}", "Authorization",
                CREDENTIALS);

        assertThat(response.status()).isEqualTo(200);
        JsonNode result = TestGateway.json(response);
        assertThat(result.get("stages").asText()).isEqualTo("client;left-transform;backend;right-transform");
        assertThat(result.get("user").asText()).as("auth ran before the filter and transforms").isEqualTo("ann");
        assertThat(result.get("id").asText()).as("the filter ran before the backend").isEqualTo("7");
    }

    @Test
    void authenticationAnswersBeforeTheFilter() {
        ResponseEnvelope response = gateway.postJson("/api/not-allowed", "{}");

        assertThat(response.status()).as("401 from auth, not 404 from the filter").isEqualTo(401);
    }

    @Test
    void theFilterAnswersBeforeTransformsAndBackend() {
        ResponseEnvelope response = gateway.postJson("/api/not-allowed", "{\"stages\":\"x\"}", "Authorization",
                CREDENTIALS);

        assertThat(response.status()).isEqualTo(404);
        assertThat(TestGateway.text(response)).doesNotContain("left-transform").doesNotContain("stages");
    }
}
