package org.harmonyee.services.dimse;

import org.harmonyee.core.config.Options;
import org.harmonyee.core.config.Problems;
import org.harmonyee.core.config.Source;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which operation an HTTP-door request asks for: dimse_op, then the path, then dimse_retrieve_mode. */
class HttpOperationTest {

    private static HttpDoorRequests door(String mode) {
        Problems problems = new Problems();
        Options options = new Options(Json.MAPPER.createObjectNode().put("dimse_retrieve_mode", mode),
                new Source("pacs.toml", "backends.pacs"), problems, Path.of("."));
        DimseBackendConfig config = DimseBackendConfig.read("pacs", options);
        assertThat(problems.isEmpty()).isTrue();
        return new HttpDoorRequests(null, config, null);
    }

    @Test
    void theOperationComesFromMetadataThenPathThenRetrieveMode() {
        HttpDoorRequests get = door("get");
        HttpDoorRequests move = door("move");

        assertThat(get.operation(Requests.http("POST", "/studies/find", null, DimseRequests.HTTP_OPERATION, "Echo")))
                .isEqualTo(DimseOperation.ECHO);
        assertThat(get.operation(Requests.http("POST", "/studies/find/", null))).isEqualTo(DimseOperation.FIND);
        assertThat(get.operation(Requests.http("POST", "/studies", null))).isEqualTo(DimseOperation.GET);
        assertThat(move.operation(Requests.http("POST", "", null))).isEqualTo(DimseOperation.MOVE);
        assertThatThrownBy(() -> get.operation(Requests.http("POST", "/", null, DimseRequests.HTTP_OPERATION, "copy")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
                    assertThat(e.detail()).contains("dimse_op").contains("'copy'");
                });
    }
}
