package org.harmonyee.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelemetryConfigTest {

    @TempDir
    Path directory;

    @Test
    void nothingIsTracedWithoutAnEndpoint() {
        TelemetrySettings telemetry = new ConfigFixture(directory).config(ConfigFixture.BASE).read().telemetry();

        assertThat(telemetry.enabled()).isFalse();
        assertThat(telemetry.serviceName()).isEqualTo("test");
        assertThat(telemetry.samplingPercent()).isEqualTo(100);
    }

    @Test
    void readsTheEndpointTheServiceNameAndTheSampling() {
        TelemetrySettings telemetry = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [telemetry]
                otlp_endpoint = "http://127.0.0.1:${OTLP_PORT}"
                service_name = "harmony-site-1"
                sampling_percent = 25
                """).read(Map.of("OTLP_PORT", "4318")).telemetry();

        assertThat(telemetry.otlpEndpoint()).contains(URI.create("http://127.0.0.1:4318"));
        assertThat(telemetry.serviceName()).isEqualTo("harmony-site-1");
        assertThat(telemetry.samplingPercent()).isEqualTo(25);
    }

    @Test
    void badValuesNameTheFileTableAndKey() {
        ConfigFixture fixture = new ConfigFixture(directory).config(ConfigFixture.BASE + """
                [telemetry]
                otlp_endpoint = "grpc://collector:4317"
                service_name = ""
                sampling_percent = 101
                """);

        assertThatThrownBy(fixture::read).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                        "config.toml: [telemetry] otlp_endpoint: expected an absolute http:// or https:// URL, "
                                + "got 'grpc://collector:4317'",
                        "config.toml: [telemetry] service_name: expected a name, got an empty string",
                        "config.toml: [telemetry] sampling_percent: expected 0-100, got 101"));
    }
}
