package org.harmonyee.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsTheBaseFileAndEveryPipelineFileWithDefaults() {
        GatewayConfig config = new ConfigFixture(directory).config(ConfigFixture.BASE)
                .pipeline("a.toml", """
                        [pipelines.echo]
                        networks = ["default"]
                        endpoints = ["e"]
                        backends = ["b"]
                        [endpoints.e]
                        service = "http"
                        [endpoints.e.options]
                        path_prefix = "/echo"
                        [backends.b]
                        service = "echo"
                        """)
                .read();

        assertThat(config.proxy().id()).isEqualTo("test");
        assertThat(config.proxy().logLevel()).isEqualTo("info");
        assertThat(config.proxy().contentLimits()).isEqualTo(ContentLimits.defaults());
        assertThat(config.proxy().pipelinesPath()).isEqualTo(directory.resolve("pipelines"));
        assertThat(config.networks().get("default").http().orElseThrow().bindPort()).isEqualTo(18080);
        assertThat(config.pipelines().get("echo").endpoints()).containsExactly("e");
        assertThat(config.endpoints().get("e").options().get("path_prefix").asText()).isEqualTo("/echo");
        assertThat(config.endpoints().get("e").source().file()).isEqualTo("pipelines/a.toml");
        assertThat(config.storage().path()).isEqualTo(directory.resolve("tmp"));
        assertThat(config.management().enabled()).isFalse();
    }

    @Test
    void substitutesEnvironmentVariablesWithDefaults() {
        GatewayConfig config = new ConfigFixture(directory).config("""
                        [proxy]
                        id = "${GATEWAY_ID}"
                        [network.default.http]
                        bind_address = "${BIND:-127.0.0.1}"
                        bind_port = "${PORT:-18081}"
                        [backends.b]
                        service = "http"
                        [backends.b.options]
                        base_url = "http://${HOST}:8000/a$${literal}"
                        """)
                .read(Map.of("GATEWAY_ID", "from-env", "HOST", "pacs.local"));

        assertThat(config.proxy().id()).isEqualTo("from-env");
        assertThat(config.networks().get("default").http().orElseThrow().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.networks().get("default").http().orElseThrow().bindPort()).isEqualTo(18081);
        assertThat(config.backends().get("b").options().get("base_url").asText())
                .isEqualTo("http://pacs.local:8000/a${literal}");
    }

    @Test
    void reportsEveryProblemAtOnceWithFileTableAndKey() {
        ConfigFixture fixture = new ConfigFixture(directory).config("""
                        [proxy]
                        log_level = "loud"
                        [network.default.http]
                        bind_port = 0
                        [network.other.http]
                        bind_port = "${MISSING_PORT}"
                        [management]
                        enabled = true
                        network = "nowhere"
                        [storage]
                        backend = "s3"
                        """)
                .pipeline("fhir.toml", """
                        [pipelines.p]
                        networks = ["nonet"]
                        endpoints = ["ghost"]
                        backends = ["phantom"]
                        [pipeline.typo]
                        """);

        assertThatThrownBy(fixture::read).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [proxy] id: required, missing",
                        "config.toml: [proxy] log_level: expected one of [debug, error, info, trace, warn], got 'loud'",
                        "config.toml: [network.default.http] bind_port: expected 1-65535, got 0",
                        "config.toml: [network.other.http] bind_port: environment variable MISSING_PORT is not set and has no default (write ${MISSING_PORT:-default})",
                        "config.toml: [network.other.http] bind_port: expected an integer 1-65535, got ''",
                        "config.toml: [management] network: no [network.nowhere] is defined",
                        "config.toml: [storage] backend: expected one of [filesystem], got 's3'",
                        "pipelines/fhir.toml: [pipelines.p] networks: no [network.nonet] is defined",
                        "pipelines/fhir.toml: [pipelines.p] endpoints: no [endpoints.ghost] is defined",
                        "pipelines/fhir.toml: [pipelines.p] backends: no [backends.phantom] is defined",
                        "pipelines/fhir.toml: [pipeline] unknown table; expected one of [network, services, middleware_types, pipelines, endpoints, backends, targets, middleware]"));
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE)
                .pipeline("broken.toml", "[pipelines.x]\ndescription = \"unterminated\n");

        assertThatThrownBy(fixture::read).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines/broken.toml: not valid TOML at line 2");
    }

    @Test
    void aTableDefinedTwiceIsAProblem() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE)
                .pipeline("a.toml", "[backends.b]\nservice = \"echo\"\n")
                .pipeline("b.toml", "[backends.b]\nservice = \"echo\"\n");

        assertThatThrownBy(fixture::read).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines/b.toml: [backends.b] already defined in pipelines/a.toml");
    }

    @Test
    void twoNetworksOnOnePortIsAProblem() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [network.second.http]
                bind_address = "127.0.0.2"
                bind_port = 18080
                """);

        assertThatThrownBy(fixture::read).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[network.second.http] bind_port: port 18080 is already the listener of network 'default'");
    }

    @Test
    void missingConfigFileIsAProblemNamingIt() {
        assertThatThrownBy(() -> ConfigReader.read(directory.resolve("absent.toml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.toml: file not found");
    }

    @Test
    void optionsMayBeWrittenDirectlyInTheTableOrInItsOptionsTable() {
        GatewayConfig config = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [middleware.auth]
                type = "basic_auth"
                username = "u"
                [middleware.auth.options]
                password = "p"
                """).read();

        ComponentConfig auth = config.middleware().get("auth");
        assertThat(auth.type()).isEqualTo("basic_auth");
        assertThat(auth.options().get("username").asText()).isEqualTo("u");
        assertThat(auth.options().get("password").asText()).isEqualTo("p");
    }
}
