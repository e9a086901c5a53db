package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Copies DICOM JSON (PS3.18 F.2) from a parser to a generator token by token, with the URLs of the
 * DICOMweb server put below the gateway's base ({@link UpstreamUris}): every {@code BulkDataURI},
 * and the values of Retrieve URL (0008,1190) and Retrieve URI (0040,E010), at any depth. Decimal
 * numbers are copied as written (an IS or DS of {@code 1.50} stays {@code 1.50}). Nothing is held
 * but the current token, so a study's metadata passes in constant memory.
 */
final class DicomJsonUris {

    private static final String BULK_DATA_URI = "BulkDataURI";
    private static final String VALUE = "Value";
    /** Retrieve URL and Retrieve URI, as DICOM JSON keys. */
    private static final Set<String> URL_TAGS = Set.of("00081190", "0040E010");

    private final UpstreamUris uris;
    private final String gatewayBase;

    DicomJsonUris(UpstreamUris uris, String gatewayBase) {
        this.uris = uris;
        this.gatewayBase = gatewayBase;
    }

    /** Copies the parser's current token, and everything inside it when it starts an object or an array. */
    void copyValue(JsonParser parser, JsonGenerator generator) throws IOException {
        int depth = 0;
        do {
            JsonToken token = parser.currentToken();
            copyToken(parser, generator);
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
        } while (depth > 0 && parser.nextToken() != null);
    }

    /** Copies the parser's current token alone. */
    void copyToken(JsonParser parser, JsonGenerator generator) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_STRING -> generator.writeString(isUrl(parser.getParsingContext())
                    ? uris.rewrite(parser.getText(), gatewayBase) : parser.getText());
            case VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getText());
            default -> generator.copyCurrentEvent(parser);
        }
    }

    /** A string at {@code "BulkDataURI"}, or in the {@code "Value"} array of a Retrieve URL or URI element. */
    private static boolean isUrl(JsonStreamContext context) {
        if (context.inObject()) {
            return BULK_DATA_URI.equals(context.getCurrentName());
        }
        JsonStreamContext element = context.getParent();
        if (!context.inArray() || element == null || !VALUE.equals(element.getCurrentName())) {
            return false;
        }
        JsonStreamContext dataSet = element.getParent();
        return dataSet != null && dataSet.getCurrentName() != null
                && URL_TAGS.contains(dataSet.getCurrentName().toUpperCase(Locale.ROOT));
    }
}
