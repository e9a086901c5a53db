package org.harmonyee.cli;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigFixture;
import org.harmonyee.core.config.ConfigProblem;
import org.harmonyee.core.config.GatewayConfig;
import org.harmonyee.core.pipeline.Route;
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

/**
 * The configuration assembled with every service and middleware module of the distribution, as
 * the server and {@code ./harmony validate} assemble it.
 */
class StandardCatalogAssemblyTest {

    @TempDir
    Path directory;

    private GatewayRuntime assemble(ConfigFixture fixture) {
        GatewayConfig config = fixture.read();
        return new GatewayAssembler(ServiceCatalog.standard(getClass().getClassLoader()),
                new BuildContext(config, Runnable::run, null, Clock.systemUTC(), "test")).assemble();
    }

    @Test
    void buildsPipelinesAndRoutesPerNetwork() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [network.admin.http]
                bind_address = "127.0.0.1"
                bind_port = 18090
                [management]
                enabled = true
                network = "admin"
                """).pipeline("p.toml", """
                [pipelines.echo]
                networks = ["default"]
                endpoints = ["e"]
                backends = ["b"]
                [endpoints.e]
                service = "http"
                path_prefix = "/echo/"
                [backends.b]
                service = "echo"
                """);

        try (GatewayRuntime runtime = assemble(fixture)) {
            assertThat(runtime.pipelines()).extracting(p -> p.name()).containsExactly("echo", "management", "metrics");
            Route echo = runtime.route("default", "/echo/a/b", "POST");
            assertThat(echo.pipeline().name()).isEqualTo("echo");
            assertThat(echo.spec().prefix()).isEqualTo("/echo");
            assertThat(runtime.route("admin", "/admin/info", "GET").pipeline().name()).isEqualTo("management");
            assertThat(runtime.networkOfPort(18090)).contains("admin");
            assertThatThrownBy(() -> runtime.route("admin", "/echo", "GET")).hasMessageContaining("no pipeline serves /echo");
            assertThatThrownBy(() -> runtime.route("default", "/admin/info", "GET")).hasMessageContaining("no pipeline");
        }
    }

    @Test
    void reportsUnknownTypesMissingOptionsAndRouteConflictsTogether() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [services.teleport]
                module = ""
                [middleware_types.magic]
                module = ""
                """).pipeline("p.toml", """
                [pipelines.one]
                networks = ["default"]
                endpoints = ["a"]
                middleware = ["nothing"]
                backends = ["up"]
                [pipelines.two]
                networks = ["default"]
                endpoints = ["b"]
                [endpoints.a]
                service = "http"
                path_prefix = "/api"
                [endpoints.b]
                service = "http"
                [endpoints.b.options]
                path_prefix = "/api/"
                [endpoints.c]
                service = "carrier_pigeon"
                [backends.up]
                service = "http"
                [backends.up.options]
                base_url = "ftp://example"
                read_timeout_ms = -5
                [middleware.m]
                type = "voodoo"
                """);

        assertThatThrownBy(() -> assemble(fixture)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [services.teleport] unknown service type 'teleport'; available: [dicom, dicom_scp, dicom_scu, dicomweb, echo, fhir, http, jmix, management, metrics, mock_dicom]",
                        "config.toml: [middleware_types.magic] unknown middleware type 'magic'; available: [basic_auth, connect, container_auth, dicomweb, dicomweb_bridge, dimse_filter, jmix_builder, json, json_extractor, jwt_auth, jwtauth, metadata_transform, passthru, path_filter, transform]",
                        "pipelines/p.toml: [endpoints.c] service: unknown endpoint service 'carrier_pigeon'; available: [dicom, dicom_scp, dicomweb, echo, fhir, http, jmix]",
                        "pipelines/p.toml: [backends.up.options] base_url: expected an absolute http:// or https:// URL, got 'ftp://example'",
                        "pipelines/p.toml: [backends.up.options] read_timeout_ms: expected 1-3600000, got -5",
                        "pipelines/p.toml: [middleware.m] type: unknown middleware type 'voodoo'; available: [basic_auth, connect, container_auth, dicomweb, dicomweb_bridge, dimse_filter, jmix_builder, json, json_extractor, jwt_auth, jwtauth, metadata_transform, passthru, path_filter, transform]",
                        "pipelines/p.toml: [pipelines.one] middleware: no [middleware.nothing] is defined",
                        "pipelines/p.toml: [pipelines.two] endpoints: route /api on network 'default' is claimed by "
                                + "pipeline 'one' (endpoint 'a') and pipeline 'two' (endpoint 'b')"));
    }

    @Test
    void httpEndpointNeedsAPathPrefix() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE).pipeline("p.toml", """
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                [endpoints.e]
                service = "http"
                """);

        assertThatThrownBy(() -> assemble(fixture)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines/p.toml: [endpoints.e] path_prefix: required, missing");
    }
}
