package org.harmonyee.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.Causes;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV to JSON: an array of row objects keyed by the header row. A value that a spreadsheet would
 * run as a formula (first character {@code = + - @}, tab or carriage return) gets a leading
 * single quote (OWASP CSV injection). More than {@code max_csv_rows} rows is 413; a row whose
 * field count differs from the header, a duplicate header, or broken quoting is 400.
 */
final class CsvContent {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private CsvContent() {
    }

    static JsonNode parse(String text, int maxRows) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        try (Reader reader = new StringReader(text); CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                if (rows.size() == maxRows) {
                    throw new GatewayException(ProblemType.PAYLOAD_TOO_LARGE,
                            "the CSV body has more than max_csv_rows (" + maxRows + ") rows");
                }
                if (record.size() != header.size()) {
                    throw new GatewayException(ProblemType.MALFORMED_REQUEST, "CSV row " + record.getRecordNumber()
                            + " has " + record.size() + " fields, the header has " + header.size());
                }
                ObjectNode row = rows.addObject();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), neutralize(record.get(i)));
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | IOException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "malformed CSV: " + Causes.root(e).getMessage(), e);
        }
        return rows;
    }

    static String neutralize(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }
}
