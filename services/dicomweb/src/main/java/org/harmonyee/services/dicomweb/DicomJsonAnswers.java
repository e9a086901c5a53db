package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.json.DicomJsonWriter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * DICOM JSON as DICOMweb answers it: its text is Unicode (UTF-8 on the wire) whatever character set
 * the PACS used, so Specific Character Set says {@code ISO_IR 192}; the Query/Retrieve Level of a
 * C-FIND match is no attribute of the answer; IS and DS values are the decimals of the data set.
 */
final class DicomJsonAnswers {

    private static final String SPECIFIC_CHARACTER_SET = "00080005";
    private static final String QUERY_RETRIEVE_LEVEL = "00080052";
    /** Reads the writer's tokens back with every IS and DS value as its exact decimal, not a double. */
    static final ObjectReader EXACT_DECIMALS = Json.MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

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
            return unicode((ObjectNode) EXACT_DECIMALS.readTree(buffer.asParser()));
        } catch (IOException e) {
            throw new UncheckedIOException("a data set always converts to JSON in memory", e);
        }
    }

    /** Text in Unicode. */
    private static ObjectNode unicode(ObjectNode answer) {
        if (answer.has(SPECIFIC_CHARACTER_SET)) {
            answer.set(SPECIFIC_CHARACTER_SET, Json.MAPPER.createObjectNode().put("vr", "CS")
                    .set("Value", Json.MAPPER.createArrayNode().add("ISO_IR 192")));
        }
        return answer;
    }
}
