package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.json.DicomJsonReader;
import org.harmonyee.dicom.json.DicomJsonWriter;
import org.harmonyee.dicom.uid.UID;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Query/Retrieve identifiers between the envelope's normalized JSON (PS3.18 DICOM JSON) and data
 * sets, their level, and the information model they are sent in: Study Root from STUDY down,
 * Patient Root for PATIENT.
 */
final class Identifiers {

    static final String PATIENT = "PATIENT";
    static final String STUDY = "STUDY";
    static final String SERIES = "SERIES";
    static final String IMAGE = "IMAGE";
    private static final Set<String> LEVELS = Set.of(PATIENT, STUDY, SERIES, IMAGE);
    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final DicomJsonReader READER = DicomJsonReader.inlineOnly();
    /**
     * Reads the writer's tokens back as a tree with every IS and DS value the decimal it was in the
     * data set ({@code 1.50} stays {@code 1.50}, not the double 1.5).
     */
    private static final ObjectReader EXACT_DECIMALS = Json.MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private Identifiers() {
    }

    /** A DICOM JSON object as a data set; anything else is 400. */
    static Attributes read(JsonNode dicomJson) {
        if (dicomJson == null || !dicomJson.isObject()) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "the identifier must be a DICOM JSON object");
        }
        try {
            return READER.read(dicomJson);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "the identifier is not valid DICOM JSON: "
                    + e.getMessage(), e);
        }
    }

    /** A data set (a match) as DICOM JSON, binary values inline, IS and DS values with their exact decimals. */
    static JsonNode write(Attributes dataSet) {
        try (TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false)) {
            new DicomJsonWriter(buffer, BulkDataUris.INLINE).write(dataSet);
            return EXACT_DECIMALS.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("a data set always converts to JSON in memory", e);
        }
    }

    /**
     * The identifier of a request from an HTTP door, as the Rust Harmony takes it: the normalized
     * key {@code dimse_identifier}, else a wrapper's {@code identifier}, else the body's own
     * {@code GGGGEEEE} keys; no body is an empty identifier.
     */
    static JsonNode fromHttpBody(RequestEnvelope request) {
        JsonNode body = request.normalized().orElse(null);
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!body.isObject()) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "expected a JSON object holding the identifier, got "
                    + body.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        if (body.has(DimseRequests.HTTP_IDENTIFIER)) {
            return body.get(DimseRequests.HTTP_IDENTIFIER);
        }
        if (body.has("identifier")) {
            return body.get("identifier");
        }
        ObjectNode identifier = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (TAG.matcher(field.getKey()).matches()) {
                identifier.set(field.getKey(), field.getValue());
            }
        }
        return identifier;
    }

    /**
     * The identifier's Query/Retrieve Level, set into it when missing: IMAGE when it has a SOP
     * Instance UID, SERIES for a Series Instance UID, STUDY for a Study Instance UID, else PATIENT.
     * A query counts a key that is only asked for (no value); a retrieve only keys with a value.
     *
     * @throws GatewayException 400 for a level other than PATIENT, STUDY, SERIES, IMAGE
     */
    static String level(Attributes identifier, boolean retrieve) {
        String given = identifier.getString(Tag.QueryRetrieveLevel);
        if (given != null && !given.isBlank()) {
            String level = given.strip().toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw new GatewayException(ProblemType.MALFORMED_REQUEST, "QueryRetrieveLevel (0008,0052): expected "
                        + "PATIENT, STUDY, SERIES or IMAGE, got '" + given + "'");
            }
            return level;
        }
        String level = names(identifier, Tag.SOPInstanceUID, retrieve) ? IMAGE
                : names(identifier, Tag.SeriesInstanceUID, retrieve) ? SERIES
                : names(identifier, Tag.StudyInstanceUID, retrieve) ? STUDY : PATIENT;
        identifier.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        return level;
    }

    private static boolean names(Attributes identifier, int tag, boolean withValue) {
        if (!withValue) {
            return identifier.contains(tag);
        }
        String value = identifier.getString(tag);
        return value != null && !value.isBlank();
    }

    /** The C-GET information model of each C-MOVE model, and back. */
    private static final Map<String, String> GET_MODEL_OF_MOVE = Map.of(
            UID.PatientRootQueryRetrieveInformationModelMove, UID.PatientRootQueryRetrieveInformationModelGet,
            UID.StudyRootQueryRetrieveInformationModelMove, UID.StudyRootQueryRetrieveInformationModelGet,
            UID.PatientStudyOnlyQueryRetrieveInformationModelMove, UID.PatientStudyOnlyQueryRetrieveInformationModelGet);

    /** The C-GET model that retrieves what a C-MOVE model names; any other model as it is. */
    static String getModelOf(String model) {
        return GET_MODEL_OF_MOVE.getOrDefault(model, model);
    }

    /** The C-MOVE model that retrieves what a C-GET model names; any other model as it is. */
    static String moveModelOf(String model) {
        return GET_MODEL_OF_MOVE.entrySet().stream().filter(entry -> entry.getValue().equals(model))
                .map(Map.Entry::getKey).findFirst().orElse(model);
    }

    /** The information model for an operation at a level: Patient Root for PATIENT, else Study Root. */
    static String model(DimseOperation operation, String level) {
        boolean patientRoot = PATIENT.equals(level);
        return switch (operation) {
            case FIND -> patientRoot ? UID.PatientRootQueryRetrieveInformationModelFind
                    : UID.StudyRootQueryRetrieveInformationModelFind;
            case GET -> patientRoot ? UID.PatientRootQueryRetrieveInformationModelGet
                    : UID.StudyRootQueryRetrieveInformationModelGet;
            case MOVE -> patientRoot ? UID.PatientRootQueryRetrieveInformationModelMove
                    : UID.StudyRootQueryRetrieveInformationModelMove;
            default -> throw new IllegalArgumentException(operation + " has no information model");
        };
    }
}
