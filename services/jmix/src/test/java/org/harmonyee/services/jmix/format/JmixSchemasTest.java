package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator the package tests rely on does refuse what the schemas refuse. */
class JmixSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anEmptyReceiverListAndASkippedPayloadHashAreRefused() throws Exception {
        String manifest = """
                {"version":"1.0","id":"0b8d3f9e-6c1a-4b7e-9a53-2f4c8e1d7a60","timestamp":"2026-01-01T00:00:00Z",
                 "sender":{"id":"org:a"},"receiver":[],"security":{"payload_hash":"sha256:skipped"}}""";
        assertThat(JmixSchemas.errors("manifest.schema.json", MAPPER.readTree(manifest))).hasSize(2);
    }

    @Test
    void anIdThatIsNoUuidIsRefused() throws Exception {
        String metadata = """
                {"version":"1.0","id":"not-a-uuid","timestamp":"2026-01-01T00:00:00Z","patient":{"id":"P"}}""";
        assertThat(JmixSchemas.errors("metadata.schema.json", MAPPER.readTree(metadata))).isNotEmpty();
    }
}
