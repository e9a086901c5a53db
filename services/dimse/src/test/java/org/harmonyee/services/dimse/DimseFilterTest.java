package org.harmonyee.services.dimse;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigFixture;
import org.harmonyee.core.config.ConfigProblem;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.ServiceCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dimse_filter: what it lets through, what it refuses with which status, and its option problems. */
class DimseFilterTest {

    @TempDir
    Path directory;

    private final DimseFilter filter = new DimseFilter("modalities", Set.of("CT_SCANNER"), Set.of("C-ECHO", "C-FIND"),
            Set.of("STUDY", "SERIES"));

    @Test
    void anAllowedCallerOperationAndLevelPass() {
        ResponseEnvelope answer = filter.handle(request("CT_SCANNER", "C-FIND", "STUDY"), passed -> ResponseEnvelope.of(200));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void whatIsNotAllowedIsRefusedC000NamingTheFilterWithinTheErrorCommentsLength() {
        assertRefused(request("WORKSTATION", "C-FIND", "STUDY"), "modalities: calling AE WORKSTATION not allowed");
        assertRefused(request("CT_SCANNER", "C-STORE", null), "modalities: C-STORE not allowed");
        assertRefused(request("CT_SCANNER", "C-FIND", "IMAGE"), "modalities: level IMAGE not allowed");
    }

    @Test
    void aRequestFromAnHttpDoorPassesUntouched() {
        RequestEnvelope http = RequestEnvelope.builder("x", "POST", "/find").build();
        http.metadata().put(MetadataKeys.PROTOCOL, "http");

        assertThat(filter.handle(http, passed -> ResponseEnvelope.of(204)).status()).isEqualTo(204);
    }

    @Test
    void badOptionsAreReportedWithTheirKey() {
        GatewayConfig config = new ConfigFixture(directory).config(ConfigFixture.BASE).pipeline("p.toml", """
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["f"]
                backends = ["b"]
                [endpoints.e]
                service = "http"
                path_prefix = "/"
                [backends.b]
                service = "echo"
                [middleware.f]
                type = "dimse_filter"
                allow_calling_aets = ["A_TITLE_FAR_TOO_LONG"]
                operations = ["C-FIND", "N-CREATE"]
                levels = ["STUDY", "FRAME"]
                """).read();

        assertThatThrownBy(() -> new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(config, Runnable::run, null, Clock.systemUTC(), "test")).assemble())
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString)
                        .anySatisfy(p -> assertThat(p).contains("[middleware.f] allow_calling_aets:"))
                        .anySatisfy(p -> assertThat(p).contains("[middleware.f] operations: 'N-CREATE'"))
                        .anySatisfy(p -> assertThat(p).contains("[middleware.f] levels: 'FRAME'")));
    }

    private void assertRefused(RequestEnvelope request, String comment) {
        assertThatThrownBy(() -> filter.handle(request, passed -> ResponseEnvelope.of(200)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.dimseStatus()).isEqualTo(0xC000);
                    assertThat(e.type().httpStatus()).isEqualTo(403);
                    assertThat(e.detail()).isEqualTo(comment).hasSizeLessThanOrEqualTo(64);
                });
    }

    private static RequestEnvelope request(String caller, String operation, String level) {
        RequestEnvelope request = RequestEnvelope.builder("x", operation, RouteSpec.dicomKey("GATEWAY")).build();
        request.metadata().put(MetadataKeys.PROTOCOL, DimseRequests.PROTOCOL);
        request.metadata().put(DimseRequests.CALLING_AET, caller);
        if (level != null) {
            request.normalized(Requests.identifier(level, "0020000D", "UI", null));
        }
        return request;
    }
}
