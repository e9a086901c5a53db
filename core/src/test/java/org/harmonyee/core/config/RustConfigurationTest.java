package org.harmonyee.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configurations written for the Rust Harmony: what loads with the same meaning, and what is refused with a fix. */
class RustConfigurationTest {

    private static final String ECHO_PIPELINE = """
            [pipelines.transformed]
            networks = ["default"]
            endpoints = ["t"]
            backends = ["echo"]
            middleware = ["to_fhir"]
            [endpoints.t]
            service = "http"
            path_prefix = "/t"
            [backends.echo]
            service = "echo"
            [middleware.to_fhir]
            type = "transform"
            [middleware.to_fhir.options]
            spec_path = "patient_to_fhir.json"
            """;

    @TempDir
    Path directory;

    @Test
    void tomlFilesUnderTransformsPathArePipelineFilesAndJsonSpecsThereAreLeftAlone() {
        GatewayConfig config = new ConfigFixture(directory).config(ConfigFixture.BASE)
                .pipeline("a.toml", "[backends.other]\nservice = \"echo\"\n")
                .file("transforms/extra.toml", ECHO_PIPELINE)
                .file("transforms/patient_to_fhir.json", "[{\"operation\": \"shift\", \"spec\": {\"id\": \"id\"}}]")
                .read();

        assertThat(config.pipelines()).containsKey("transformed");
        assertThat(config.pipelines().get("transformed").source().file()).isEqualTo("transforms/extra.toml");
        assertThat(config.middleware().get("to_fhir").source().file()).isEqualTo("transforms/extra.toml");
        assertThat(config.backends()).containsKeys("echo", "other");
    }

    @Test
    void aTransformsPathThatIsThePipelinesPathIsReadOnce() {
        GatewayConfig config = new ConfigFixture(directory).config("""
                        [proxy]
                        id = "test"
                        pipelines_path = "conf"
                        transforms_path = "./conf"
                        [network.default.http]
                        bind_address = "127.0.0.1"
                        bind_port = 18080
                        """)
                .file("conf/p.toml", ECHO_PIPELINE)
                .read();

        assertThat(config.pipelines()).containsOnlyKeys("transformed");
    }

    @Test
    void pipelineFilesUnderTransformsPathFollowThePipelineFileRules() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE)
                .pipeline("a.toml", "[backends.echo]\nservice = \"echo\"\n")
                .file("transforms/extra.toml", ECHO_PIPELINE + "[storage]\nbackend = \"filesystem\"\n")
                .file("transforms/broken.toml", "[pipelines.x\n");

        assertThatThrownBy(fixture::read).isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms/extra.toml: [backends.echo] already defined in pipelines/a.toml")
                .hasMessageContaining("transforms/extra.toml: [storage] only allowed in config.toml")
                .hasMessageContaining("transforms/broken.toml: not valid TOML at line 1");
    }

    @Test
    void rustTablesAndKeysWithoutEffectLoadWithAWarningNamingFileTableAndKey() {
        try (LogRecorder log = LogRecorder.of(TableShape.class)) {
            GatewayConfig config = new ConfigFixture(directory).config("""
                            [proxy]
                            id = "rust"
                            [network.default]
                            enable_wireguard = true
                            interface = "wg0"
                            [network.default.http]
                            bind_address = "127.0.0.1"
                            bind_port = 18080
                            [logging]
                            log_to_file = false
                            [services.http]
                            module = ""
                            [middleware_types.transform]
                            module = ""
                            [middleware_legacy]
                            left = ["auth"]
                            """)
                    .read();

            assertThat(config.networks().get("default").http().orElseThrow().bindPort()).isEqualTo(18080);
            assertThat(config.services()).containsKey("http");
            assertThat(config.middlewareTypes()).containsKey("transform");
            assertThat(log.warnings()).anySatisfy(warning -> assertThat(warning)
                            .startsWith("config.toml: [network.default] enable_wireguard: has no effect in Harmony EE"))
                    .anySatisfy(warning -> assertThat(warning)
                            .startsWith("config.toml: [network.default] interface: has no effect in Harmony EE"))
                    .anySatisfy(warning -> assertThat(warning)
                            .startsWith("config.toml: [middleware_legacy] has no effect in Harmony EE"))
                    .hasSize(3);
        }
    }

    @Test
    void anUnknownKeyOfAFixedTableIsAWarningNotSilence() {
        try (LogRecorder log = LogRecorder.of(TableShape.class)) {
            new ConfigFixture(directory).config(ConfigFixture.BASE.replace("id = \"test\"", "id = \"test\"\npipeline_path = \"p\""))
                    .read();

            assertThat(log.warnings()).containsExactly("config.toml: [proxy] pipeline_path: unknown key, ignored; "
                    + "expected one of [id, log_level, pipelines_path, transforms_path]");
        }
    }

    @Test
    void unknownNestedTablesAreProblemsNamingFileAndTable() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [proxy.bar]
                x = 1
                [proxy.content_limits.deeper]
                [network.default.foo]
                [network.default.http.tls]
                [management.auth]
                [logging.rotation]
                [storage.options.s3]
                [storage.cache]
                """);

        assertThatThrownBy(fixture::read).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [proxy.bar] unknown table; expected one of [content_limits]",
                        "config.toml: [proxy.content_limits.deeper] unknown table; [proxy.content_limits] has no sub-tables",
                        "config.toml: [network.default.foo] unknown table; expected one of [dicom, http]",
                        "config.toml: [network.default.http.tls] unknown table; [network.default.http] has no sub-tables",
                        "config.toml: [management.auth] unknown table; expected one of [oidc]",
                        "config.toml: [logging.rotation] unknown table; [logging] has no sub-tables",
                        "config.toml: [storage.options.s3] unknown table; [storage.options] has no sub-tables",
                        "config.toml: [storage.cache] unknown table; expected one of [options]"));
    }

    @Test
    void pipelinesAndTypeDeclarationsHaveAFixedShapeToo() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                        [services.http]
                        module = ""
                        [services.http.extra]
                        """)
                .pipeline("p.toml", ECHO_PIPELINE.replace("backends = [\"echo\"]\n", "backends = [\"echo\"]\nretries = 3\n")
                        + "[pipelines.transformed.routing]\n");

        try (LogRecorder log = LogRecorder.of(TableShape.class)) {
            assertThatThrownBy(fixture::read).isInstanceOfSatisfying(ConfigException.class, e ->
                    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                            "config.toml: [services.http.extra] unknown table; [services.http] has no sub-tables",
                            "pipelines/p.toml: [pipelines.transformed.routing] unknown table; "
                                    + "[pipelines.transformed] has no sub-tables"));
            assertThat(log.warnings()).containsExactly("pipelines/p.toml: [pipelines.transformed] retries: unknown key, "
                    + "ignored; expected one of [backends, description, endpoints, middleware, networks]");
        }
    }
}
