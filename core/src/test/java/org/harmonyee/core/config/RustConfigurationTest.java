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
}
