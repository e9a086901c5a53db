package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four published JMIX schemas (test resources jmix-schemas/, unchanged copies; SOURCE.md there
 * names their origin and licence) checked with a JSON Schema 2020-12 validator, formats asserted.
 */
public final class JmixSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** Zip entry → its schema. */
    static final Map<String, String> SCHEMAS = Map.of(
            "manifest.json", "manifest.schema.json",
            "audit.json", "audit.schema.json",
            "payload/metadata.json", "metadata.schema.json",
            "payload/files.json", "files.schema.json");

    private JmixSchemas() {
    }

    public static List<Error> errors(String schemaFile, JsonNode document) {
        try (InputStream schema = JmixSchemas.class.getResourceAsStream("/jmix-schemas/" + schemaFile)) {
            Schema compiled = REGISTRY.getSchema(schema);
            return compiled.validate(document, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every JSON file of the package validates against its schema; all four are present. */
    public static void assertValid(byte[] zip) throws IOException {
        int checked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String schema = SCHEMAS.get(entry.getName());
                if (schema != null) {
                    JsonNode document = MAPPER.readTree(in.readAllBytes());
                    assertThat(errors(schema, document)).as(entry.getName() + " against " + schema).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).as("JSON files checked").isEqualTo(SCHEMAS.size());
    }
}
