package org.harmonyee.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HarmonyCliTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return HarmonyCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String toml) throws IOException {
        Path file = directory.resolve("config.toml");
        Files.writeString(file, toml);
        return file;
    }

    @Test
    void validateAcceptsTheShippedDefaultConfiguration() {
        int status = run("validate", "--config", "../src/config/config.toml");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid (4 pipelines, 4 routes, 2 networks)");
    }

    @Test
    void validateReportsEveryProblemAndExitsOne() throws IOException {
        Path config = write("""
                [proxy]
                [network.a.http]
                bind_port = 70000
                [pipelines.p]
                networks = ["b"]
                endpoints = ["e"]
                """);

        int status = run("validate", "--config", config.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Invalid configuration (4 problems)")
                .contains("config.toml: [proxy] id: required, missing")
                .contains("config.toml: [network.a.http] bind_port: expected 1-65535, got 70000")
                .contains("config.toml: [pipelines.p] networks: no [network.b] is defined")
                .contains("config.toml: [pipelines.p] endpoints: no [endpoints.e] is defined");
    }

    @Test
    void readingAndAssemblyProblemsAreReportedTogether() throws IOException {
        Path config = write("""
                [proxy]
                id = "x"
                [network.default.http]
                bind_port = 0
                """);
        Files.createDirectories(directory.resolve("pipelines"));
        Files.writeString(directory.resolve("pipelines/p.toml"), """
                [pipelines.a]
                networks = ["default"]
                endpoints = ["e1"]
                middleware = ["m1"]
                [pipelines.b]
                networks = ["default"]
                endpoints = ["e2"]
                backends = ["b1"]
                [endpoints.e1]
                service = "http"
                options = { path_prefix = "/x" }
                [endpoints.e2]
                service = "http"
                options = { path_prefix = "/x" }
                [middleware.m1]
                type = "jwt_auth"
                [backends.b0]
                service = "teleport"
                [backends.b1]
                service = "http"
                options = { base_url = "${HARMONY_TEST_UNSET_VARIABLE}" }
                """);

        int status = run("validate", "--config", config.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Invalid configuration (5 problems)")
                .contains("config.toml: [network.default.http] bind_port: expected 1-65535, got 0")
                .contains("pipelines/p.toml: [backends.b1.options] base_url: environment variable "
                        + "HARMONY_TEST_UNSET_VARIABLE is not set")
                .contains("pipelines/p.toml: [backends.b0] service: unknown backend service 'teleport'")
                .contains("pipelines/p.toml: [middleware.m1] public_key_path: jwt_auth needs an RS256 key")
                .contains("route /x on network 'default' is claimed by pipeline 'a' (endpoint 'e1') and pipeline 'b'");
    }

    @Test
    void listenersPrintsOneListenerPerNetworkForEachServer() throws IOException {
        Path config = write("""
                [proxy]
                id = "x"
                [network.public.http]
                bind_address = "127.0.0.1"
                bind_port = 18080
                """);

        assertThat(run("listeners", "--config", config.toString(), "--server", "payara")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "create-http --default-virtual-server server --max-connection 1000 --timeout-seconds 30 harmony-public",
                "create-network-listener --protocol harmony-public --listenerport 18080 --address 127.0.0.1");
        out.reset();
        assertThat(run("listeners", "--config", config.toString(), "--server", "wildfly", "--embed", "standalone.xml"))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("embed-server --std-out=discard --server-config=standalone.xml")
                .contains("/socket-binding-group=standard-sockets/socket-binding=harmony-public:add(interface=harmony-public, port=18080)")
                .doesNotContain("ejb3")
                .endsWith("stop-embedded-server" + System.lineSeparator());
    }

    @Test
    void withTheManagementApiPayaraMovesItsOwnMetricsOutOfTheGatewaysPath() throws IOException {
        Path config = write("""
                [proxy]
                id = "x"
                [network.management.http]
                bind_address = "127.0.0.1"
                bind_port = 19090
                [management]
                enabled = true
                network = "management"
                """);

        assertThat(run("listeners", "--config", config.toString(), "--server", "payara")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith(
                "set configs.config.server-config.microprofile-metrics-configuration.endpoint=payara-metrics"
                        + System.lineSeparator());
    }

    @Test
    void aDicomListenerIsNoServerListenerButNeedsWildFlysMessageDrivenBeanSettings() throws IOException {
        Path config = write("""
                [proxy]
                id = "x"
                [network.imaging.dicom]
                bind_port = 11112
                aet = "HARMONY"
                """);

        assertThat(run("listeners", "--config", config.toString(), "--server", "payara")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run("listeners", "--config", config.toString(), "--server", "wildfly")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .doesNotContain("harmony-imaging")
                .contains("/subsystem=ejb3:write-attribute(name=default-resource-adapter-name, "
                        + "value=\"harmony.ear#harmony-rar.rar\")");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("launch")).isEqualTo(2);
        assertThat(run("validate", "--config")).isEqualTo(2);
    }
}
