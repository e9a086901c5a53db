package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.QueryString;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The C-FIND identifier a search becomes: what the PACS is asked, key by key. */
class QidoQueryTest {

    private static final QidoQuery.Limits LIMITS = new QidoQuery.Limits(100, 1000);

    private static JsonNode identifier(String path, String query) {
        return QidoQuery.of(DicomWebResource.of(path), QueryString.parse(query), LIMITS, "test").identifier();
    }

    private static JsonNode json(String text) throws IOException {
        return Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theLevelThePathsUidsAndTheMatchingKeysAreSentWithTheirVr() throws Exception {
        JsonNode identifier = identifier("/studies/1.2.3/series", "Modality=CT&SeriesNumber=4&SeriesDate=20240101-");

        assertThat(identifier.get("00080052")).isEqualTo(json("{\"vr\":\"CS\",\"Value\":[\"SERIES\"]}"));
        assertThat(identifier.get("0020000D")).isEqualTo(json("{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}"));
        assertThat(identifier.get("00080060")).isEqualTo(json("{\"vr\":\"CS\",\"Value\":[\"CT\"]}"));
        assertThat(identifier.get("00200011")).hasToString("{\"vr\":\"IS\",\"Value\":[4]}");
        assertThat(identifier.get("00080021")).isEqualTo(json("{\"vr\":\"DA\",\"Value\":[\"20240101-\"]}"));
        assertThat(identifier.get("0020000E")).as("a return key").isEqualTo(json("{\"vr\":\"UI\"}"));
        assertThat(identifier.has("00100010")).as("the study's attributes are fixed by the path").isFalse();
    }

    @Test
    void uidListsNamesOutsideAsciiSequencePathsAndIncludedFields() throws Exception {
        JsonNode identifier = identifier("/studies", "StudyInstanceUID=1.2,1.3%5C1.4&PatientName=M%C3%BCller*"
                + "&RequestAttributesSequence.RequestedProcedureID=RP1&includefield=00081030,PatientAge");

        assertThat(identifier.get("0020000D")).isEqualTo(json("{\"vr\":\"UI\",\"Value\":[\"1.2\",\"1.3\",\"1.4\"]}"));
        assertThat(identifier.get("00100010")).isEqualTo(json("{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Müller*\"}]}"));
        assertThat(identifier.get("00080005")).isEqualTo(json("{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]}"));
        assertThat(identifier.get("00400275")).isEqualTo(json(
                "{\"vr\":\"SQ\",\"Value\":[{\"00401001\":{\"vr\":\"SH\",\"Value\":[\"RP1\"]}}]}"));
        assertThat(identifier.get("00081030")).isEqualTo(json("{\"vr\":\"LO\"}"));
        assertThat(identifier.get("00101010")).isEqualTo(json("{\"vr\":\"AS\"}"));
    }

    @Test
    void includedFieldsOfALowerLevelAreNotAskedOfThePacs() {
        JsonNode studies = identifier("/studies", "includefield=00081030,00080060,00080090,00100030");
        assertThat(studies.has("00081030")).isTrue();
        assertThat(studies.has("00080060")).as("Modality describes a series").isFalse();
        assertThat(studies.has("00080090")).isTrue();
        JsonNode series = identifier("/studies/1.2/series", "includefield=Modality,Rows,SOPClassUID");
        assertThat(series.has("00080060")).isTrue();
        assertThat(series.has("00280010")).as("Rows describes an instance").isFalse();
        assertThat(series.has("00080016")).isFalse();
        assertThat(identifier("/instances", "includefield=Modality,Rows").has("00280010")).isTrue();
    }

    @Test
    void pagingAndWarnings() {
        QidoQuery lowered = QidoQuery.of(DicomWebResource.of("/instances"), QueryString.parse(
                "limit=5000&offset=7&fuzzymatching=true"), LIMITS, "test");

        assertThat(lowered.limit()).isEqualTo(1000);
        assertThat(lowered.offset()).isEqualTo(7);
        assertThat(lowered.warnings()).hasSize(2);
        assertThat(QidoQuery.of(DicomWebResource.of("/instances"), QueryString.parse(""), LIMITS, "test").limit())
                .isEqualTo(100);
    }
}
