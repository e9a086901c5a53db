package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.json.DicomJsonWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * DICOM JSON as DICOMweb answers it: its text is Unicode (UTF-8 on the wire) whatever character set
 * the PACS used, so Specific Character Set says {@code ISO_IR 192}; the Query/Retrieve Level of a
 * C-FIND match is no attribute of the answer.
 */
final class DicomJsonAnswers {

    private static final String SPECIFIC_CHARACTER_SET = "00080005";
    private static final String QUERY_RETRIEVE_LEVEL = "00080052";
    private static final Set<String> NUMBER_STRINGS = Set.of("IS", "DS");

    private DicomJsonAnswers() {
    }

    /** A C-FIND match as a QIDO-RS answer. */
    static JsonNode match(JsonNode match) {
        ObjectNode answer = match.deepCopy();
        answer.remove(QUERY_RETRIEVE_LEVEL);
        return unicode(answer);
    }

    /** A data set as DICOM JSON, binary values as {@code bulkDataUris} decides. */
    static JsonNode write(Attributes dataSet, BulkDataUris bulkDataUris) {
        try (TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false)) {
            new DicomJsonWriter(buffer, bulkDataUris).write(dataSet);
            return unicode((ObjectNode) Json.MAPPER.readTree(buffer.asParser()));
        } catch (IOException e) {
            throw new UncheckedIOException("a data set always converts to JSON in memory", e);
        }
    }

    /**
     * Text in Unicode, and whole IS and DS values as integers: the data set reaches JSON through a
     * token buffer that reads every decimal number back as a double, so an IS of 60 would otherwise
     * be 60.0.
     */
    private static ObjectNode unicode(ObjectNode answer) {
        answer.forEach(element -> {
            if (NUMBER_STRINGS.contains(element.path("vr").asText()) && element.path("Value").isArray()) {
                ArrayNode values = (ArrayNode) element.get("Value");
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i).isNumber() && values.get(i).canConvertToExactIntegral()) {
                        values.set(i, values.get(i).longValue());
                    }
                }
            }
        });
        if (answer.has(SPECIFIC_CHARACTER_SET)) {
            answer.set(SPECIFIC_CHARACTER_SET, Json.MAPPER.createObjectNode().put("vr", "CS")
                    .set("Value", Json.MAPPER.createArrayNode().add("ISO_IR 192")));
        }
        return answer;
    }
}
