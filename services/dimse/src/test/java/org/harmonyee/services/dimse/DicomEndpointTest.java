package org.harmonyee.services.dimse;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigFixture;
import org.harmonyee.core.config.ConfigProblem;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.core.pipeline.Route;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DICOM endpoint's routes by called AE title, its options and their problems, its failure rendering. */
class DicomEndpointTest {

    private static final String NETWORK = ConfigFixture.BASE + """
            [network.default.dicom]
            bind_port = 18104
            aet = "GATEWAY"
            """;

    private static final String PACS = """
            [backends.pacs]
            service = "dicom"
            aet = "PACS"
            host = "127.0.0.1"
            port = 104
            """;

    @TempDir
    Path directory;

    private GatewayRuntime assemble(String config, String pipelines) {
        GatewayConfig read = new ConfigFixture(directory).config(config).pipeline("p.toml", pipelines).read();
        return new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(read, Runnable::run, null, Clock.systemUTC(), "test")).assemble();
    }

    @Test
    void theCalledAeTitleSelectsThePipelineAndTheListenersOwnIsTheDefault() {
        try (GatewayRuntime runtime = assemble(NETWORK, """
                [pipelines.router]
                networks = ["default"]
                endpoints = ["scp"]
                backends = ["pacs"]
                [endpoints.scp]
                service = "dicom_scp"
                [pipelines.archive]
                networks = ["default"]
                endpoints = ["archive_scp"]
                backends = ["pacs"]
                [endpoints.archive_scp]
                service = "dicom"
                local_aet = "ARCHIVE"
                enable_store = false
                """ + PACS)) {
            Route router = runtime.route("default", RouteSpec.dicomKey("GATEWAY"), "C-STORE");
            assertThat(router.pipeline().name()).isEqualTo("router");
            assertThat(runtime.route("default", RouteSpec.dicomKey("ARCHIVE"), "C-FIND").pipeline().name())
                    .isEqualTo("archive");
            assertThatThrownBy(() -> runtime.route("default", RouteSpec.dicomKey("ARCHIVE"), "C-STORE"))
                    .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type())
                            .isEqualTo(ProblemType.METHOD_NOT_ALLOWED));
            assertThatThrownBy(() -> runtime.route("default", RouteSpec.dicomKey("ARCHIVE2"), "C-FIND"))
                    .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.type())
                            .isEqualTo(ProblemType.NOT_FOUND));
            assertThatThrownBy(() -> runtime.route("default", "/", "GET"))
                    .as("a DICOM route answers no HTTP path").isInstanceOf(GatewayException.class);
        }
    }

    @Test
    void callersAndMoveDestinationsAreTheConfiguredOnes() {
        try (GatewayRuntime runtime = assemble(NETWORK, """
                [pipelines.router]
                networks = ["default"]
                endpoints = ["scp"]
                backends = ["pacs"]
                [endpoints.scp]
                service = "dicom"
                accept_calling_aets = ["MODALITY", "VIEWER"]
                [endpoints.scp.move_destinations]
                VIEWER = "127.0.0.1:11113"
                ARCHIVE = "pacs.example:2762"
                """ + PACS)) {
            DicomEndpoint endpoint = (DicomEndpoint) runtime.route("default", RouteSpec.dicomKey("GATEWAY"), "C-ECHO")
                    .endpoint();
            assertThat(endpoint.acceptsCaller("VIEWER")).isTrue();
            assertThat(endpoint.acceptsCaller("INTRUDER")).isFalse();
            assertThat(endpoint.moveDestination("VIEWER")).contains(new MoveDestination("VIEWER", "127.0.0.1", 11113));
            assertThat(endpoint.moveDestination("ARCHIVE")).contains(new MoveDestination("ARCHIVE", "pacs.example", 2762));
            assertThat(endpoint.moveDestination("NOBODY")).isEmpty();

            RequestEnvelope intruder = RequestEnvelope.builder("x", "C-FIND", RouteSpec.dicomKey("GATEWAY")).build();
            intruder.metadata().put(DimseRequests.CALLING_AET, "INTRUDER");
            assertThatThrownBy(() -> endpoint.prepare(intruder)).isInstanceOfSatisfying(GatewayException.class,
                    e -> assertThat(e.dimseStatus()).as("refused: not authorized").isEqualTo(0x0124));
        }
    }

    @Test
    void aFailureIsRenderedAsTheDimseStatusAndAnErrorCommentOfAtMost64Characters() {
        DicomEndpoint endpoint = new DicomEndpoint("scp", "dicom", RouteSpec.dicom("GATEWAY",
                java.util.Set.of("C-FIND")), java.util.Set.of(), java.util.Map.of());
        RequestEnvelope request = RequestEnvelope.builder("x", "C-FIND", RouteSpec.dicomKey("GATEWAY")).build();

        ResponseEnvelope unknown = endpoint.renderFailure(new GatewayException(ProblemType.NOT_FOUND,
                "no such study").withDimseStatus(0xA801), request);
        ResponseEnvelope unreachable = endpoint.renderFailure(new GatewayException(ProblemType.BACKEND_UNREACHABLE,
                "backend 'pacs' is unreachable at dicom://PACS@10.0.0.5:104: connection refused after three tries"),
                request);

        assertThat(unknown.metadata()).containsEntry(DimseRequests.STATUS, "A801")
                .containsEntry(DimseRequests.ERROR_COMMENT, "no such study");
        assertThat(unreachable.metadata().get(DimseRequests.STATUS)).isEqualTo("A701");
        assertThat(unreachable.metadata().get(DimseRequests.ERROR_COMMENT)).hasSize(64)
                .startsWith("backend 'pacs' is unreachable");
    }

    @Test
    void everyBadOptionAndAListenerlessNetworkAreReported() {
        assertThatThrownBy(() -> assemble(ConfigFixture.BASE, """
                [pipelines.router]
                networks = ["default"]
                endpoints = ["scp"]
                backends = ["pacs"]
                [endpoints.scp]
                service = "dicom"
                local_aet = "A_TITLE_FAR_TOO_LONG"
                accept_calling_aets = ["OK", "BAD\\\\ONE"]
                enable_echo = "perhaps"
                [endpoints.scp.move_destinations]
                VIEWER = "127.0.0.1"
                SECURE = "pacs.example:2762:tls"
                """ + PACS)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("pipelines/p.toml: [endpoints.scp] local_aet: expected an AE title"))
                .anySatisfy(p -> assertThat(p).startsWith("pipelines/p.toml: [endpoints.scp] accept_calling_aets:"))
                .anySatisfy(p -> assertThat(p).startsWith("pipelines/p.toml: [endpoints.scp] enable_echo:"))
                .anySatisfy(p -> assertThat(p).contains("move_destinations: entry 'VIEWER'"))
                .anySatisfy(p -> assertThat(p).contains("move_destinations: entry 'SECURE': TLS to a move destination"))
                .anySatisfy(p -> assertThat(p).contains("endpoint 'scp' serves DICOM, but network 'default' has no "
                        + "[network.default.dicom] listener")));
    }

    @Test
    void twoEndpointsCannotClaimOneAeTitleOnOneNetwork() {
        assertThatThrownBy(() -> assemble(NETWORK, """
                [pipelines.one]
                networks = ["default"]
                endpoints = ["a"]
                backends = ["pacs"]
                [pipelines.two]
                networks = ["default"]
                endpoints = ["b"]
                backends = ["pacs"]
                [endpoints.a]
                service = "dicom"
                [endpoints.b]
                service = "dicom"
                local_aet = "GATEWAY"
                """ + PACS)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .extracting(ConfigProblem::toString).anySatisfy(p -> assertThat(p)
                        .contains("route dicom:GATEWAY on network 'default' is claimed by pipeline")));
    }
}
