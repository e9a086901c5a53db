package org.harmonyee.middleware.filter;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.middleware.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathFilterTest {

    @TempDir
    Path directory;

    private TestGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    private TestGateway start(String rules) {
        gateway = new TestGateway(directory);
        return gateway.start("""
                [pipelines.p]
                networks = ["default"]
                endpoints = ["e"]
                middleware = ["filter"]
                backends = ["echo"]
                [endpoints.e]
                service = "http"
                path_prefix = "/fhir"
                [backends.echo]
                service = "echo"
                [middleware.filter]
                type = "path_filter"
                [middleware.filter.options]
                rules = %s
                """.formatted(rules));
    }

    @Test
    void literalParameterAndCatchAllPatternsMatchBelowThePrefix() {
        start("[\"/ImagingStudy\", \"/Patient/{id}\", \"/Binary/{*rest}\"]");

        assertThat(gateway.get("/fhir/ImagingStudy").status()).isEqualTo(200);
        assertThat(gateway.get("/fhir/ImagingStudy/").status()).as("trailing slash").isEqualTo(200);
        assertThat(gateway.get("/fhir/ImagingStudy?patient=1").status()).isEqualTo(200);
        ResponseEnvelope patient = gateway.get("/fhir/Patient/42");
        assertThat(patient.status()).isEqualTo(200);
        assertThat(TestGateway.json(patient).at("/metadata/path.id").asText()).isEqualTo("42");
        ResponseEnvelope binary = gateway.get("/fhir/Binary/a/b/c");
        assertThat(TestGateway.json(binary).at("/metadata/path.rest").asText()).isEqualTo("a/b/c");
    }

    @Test
    void everythingElseIsARealNotFoundAndTheBackendIsNotCalled() {
        start("[\"/ImagingStudy\", \"/Patient/{id}\"]");

        for (String path : new String[] {"/fhir/Patient", "/fhir/Patient/42/_history", "/fhir/Observation",
                "/fhir", "/fhir/ImagingStudyX", "/fhir/imagingstudy"}) {
            ResponseEnvelope response = gateway.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(TestGateway.text(response)).as(path).contains("urn:harmonyee:problem:not-found")
                    .doesNotContain("\"method\"");
        }
    }

    @Test
    void malformedRulesStopTheStartup() {
        assertThatThrownBy(() -> start("[\"Patient\", \"/a/{*rest}/b\", \"/x{id}\"]")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[middleware.filter.options] rules: 'Patient': must start with '/'")
                .hasMessageContaining("'/a/{*rest}/b': the catch-all '{*rest}' must be the last segment")
                .hasMessageContaining("'/x{id}': segment 'x{id}' must be a literal or a whole {parameter}");
    }
}
