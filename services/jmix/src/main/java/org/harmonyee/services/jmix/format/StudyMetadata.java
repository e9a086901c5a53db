package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.PersonName;
import org.harmonyee.dicom.data.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code payload/metadata.json} gathered from the instances as they pass: the patient (the first
 * non-empty value of each attribute wins, as jmix-rs does) and one series entry per
 * SeriesInstanceUID with its instance count (jmix-rs merges series by modality; we do not).
 * Holds one small entry per series, never an instance.
 */
final class StudyMetadata {

    /** The last tag read from each instance's header: everything metadata.json needs lies before it. */
    static final int LAST_TAG_NEEDED = Tag.SeriesInstanceUID;

    private static final String UNKNOWN = "UNKNOWN";
    private static final Set<String> SEXES = Set.of("M", "F", "O");

    private String patientId;
    private String patientName;
    private String birthDate;
    private String sex;
    private String studyUid;
    private String studyDescription;
    private final Map<String, Series> series = new LinkedHashMap<>();

    private static final class Series {
        String modality;
        String bodyPart;
        int instances;
    }

    void add(Attributes header) {
        patientId = first(patientId, header.getString(Tag.PatientID));
        patientName = first(patientName, header.getString(Tag.PatientName));
        birthDate = first(birthDate, header.getString(Tag.PatientBirthDate));
        sex = first(sex, header.getString(Tag.PatientSex));
        studyUid = first(studyUid, header.getString(Tag.StudyInstanceUID));
        studyDescription = first(studyDescription, header.getString(Tag.StudyDescription));
        String seriesUid = first(null, header.getString(Tag.SeriesInstanceUID));
        Series entry = series.computeIfAbsent(seriesUid == null ? UNKNOWN : seriesUid, uid -> new Series());
        entry.modality = first(entry.modality, header.getString(Tag.Modality));
        entry.bodyPart = first(entry.bodyPart, header.getString(Tag.BodyPartExamined));
        entry.instances++;
    }

    /** The StudyInstanceUID of the first instance that had one, or null. */
    String studyInstanceUid() {
        return studyUid;
    }

    ObjectNode toJson(String id, Instant timestamp) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("version", PackageJson.VERSION).put("id", id).put("timestamp", PackageJson.timestamp(timestamp));
        metadata.set("patient", patient());
        ObjectNode studies = metadata.putObject("studies");
        putIfPresent(studies, "study_description", studyDescription);
        putIfPresent(studies, "study_uid", studyUid);
        ArrayNode list = studies.putArray("series");
        series.forEach((uid, entry) -> {
            ObjectNode item = list.addObject().put("series_uid", uid)
                    .put("modality", entry.modality == null ? UNKNOWN : entry.modality);
            putIfPresent(item, "body_part", entry.bodyPart);
            item.put("instance_count", entry.instances);
        });
        return metadata;
    }

    private ObjectNode patient() {
        ObjectNode patient = JsonNodeFactory.instance.objectNode().put("id", patientId == null ? UNKNOWN : patientId);
        if (patientName != null) {
            patient.set("name", name(PersonName.parse(patientName)));
        }
        if (birthDate != null && birthDate.matches("\\d{8}")) {
            patient.put("dob", birthDate.substring(0, 4) + "-" + birthDate.substring(4, 6) + "-" + birthDate.substring(6));
        }
        if (sex != null && SEXES.contains(sex)) {
            patient.put("sex", sex);
        }
        return patient;
    }

    /** A PN's alphabetic group as a FHIR-like HumanName: family, given (given and middle), prefix, suffix, text. */
    private static ObjectNode name(PersonName name) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        String family = blankToNull(name.component(0));
        List<String> given = new ArrayList<>();
        for (int component = 1; component <= 2; component++) {
            Optional.ofNullable(blankToNull(name.component(component))).ifPresent(given::add);
        }
        putIfPresent(json, "family", family);
        given.forEach(json.putArray("given")::add);
        putIfPresent(json, "prefix", blankToNull(name.component(3)));
        putIfPresent(json, "suffix", blankToNull(name.component(4)));
        String givenText = given.isEmpty() ? null : String.join(" ", given);
        putIfPresent(json, "text", family != null && givenText != null ? family + ", " + givenText
                : family != null ? family : givenText);
        return json;
    }

    private static String first(String current, String candidate) {
        return current != null ? current : blankToNull(candidate);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
