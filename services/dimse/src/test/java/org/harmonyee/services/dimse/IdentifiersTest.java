package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identifiers between DICOM JSON and data sets, their level and their information model. */
class IdentifiersTest {

    private static Attributes keys(String... tagVrValue) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        for (int i = 0; i + 2 < tagVrValue.length; i += 3) {
            ObjectNode element = json.putObject(tagVrValue[i]).put("vr", tagVrValue[i + 1]);
            if (tagVrValue[i + 2] != null) {
                element.putArray("Value").add(tagVrValue[i + 2]);
            }
        }
        return Identifiers.read(json);
    }

    @Test
    void aMissingLevelIsInferredFromTheUniqueKeysAsTheRustHarmonyDoes() {
        assertThat(Identifiers.level(keys("00080018", "UI", null, "0020000D", "UI", "1.2"), false)).isEqualTo("IMAGE");
        assertThat(Identifiers.level(keys("0020000E", "UI", null), false)).isEqualTo("SERIES");
        assertThat(Identifiers.level(keys("0020000D", "UI", "1.2"), false)).isEqualTo("STUDY");
        assertThat(Identifiers.level(keys("00100020", "LO", "PAT001"), false)).isEqualTo("PATIENT");
    }

    @Test
    void aRetrieveCountsOnlyKeysWithAValueAndTheLevelIsWrittenIn() {
        Attributes identifier = keys("0020000D", "UI", "1.2", "0020000E", "UI", null);

        assertThat(Identifiers.level(identifier, true)).isEqualTo("STUDY");
        assertThat(identifier.getString(Tag.QueryRetrieveLevel)).isEqualTo("STUDY");
    }

    @Test
    void aGivenLevelWinsAndAnUnknownOneIs400() {
        assertThat(Identifiers.level(keys("00080052", "CS", "series", "00080018", "UI", null), false)).isEqualTo("SERIES");
        assertThatThrownBy(() -> Identifiers.level(keys("00080052", "CS", "FRAME"), false))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
    }

    @Test
    void decimalAndIntegerStringsKeepTheirExactDecimalsInJson() {
        Attributes match = new Attributes();
        match.setString(Tag.PatientWeight, VR.DS, "1.50", "-0.000123456789012345678", "60", "60.0", "12345678901234567");
        match.setString(Tag.SeriesNumber, VR.IS, "60", "-7");

        String json = new String(Json.bytes(Identifiers.write(match)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"Value\":[1.50,-0.000123456789012345678,60,60.0,12345678901234567]")
                .contains("\"Value\":[60,-7]");
    }

    @Test
    void studyRootFromStudyDownPatientRootForPatients() {
        assertThat(Identifiers.model(DimseOperation.FIND, "IMAGE")).isEqualTo(UID.StudyRootQueryRetrieveInformationModelFind);
        assertThat(Identifiers.model(DimseOperation.GET, "STUDY")).isEqualTo(UID.StudyRootQueryRetrieveInformationModelGet);
        assertThat(Identifiers.model(DimseOperation.MOVE, "PATIENT")).isEqualTo(UID.PatientRootQueryRetrieveInformationModelMove);
        assertThat(Identifiers.model(DimseOperation.FIND, "PATIENT")).isEqualTo(UID.PatientRootQueryRetrieveInformationModelFind);
    }

    @Test
    void theHttpBodyGivesTheIdentifierInTheRustOrder() {
        ObjectNode raw = Requests.identifier("STUDY", "0020000D", "UI", "1.2");
        raw.put("max_results", 3);
        assertThat(Identifiers.fromHttpBody(Requests.http("POST", "/find", raw)))
                .isEqualTo(Requests.identifier("STUDY", "0020000D", "UI", "1.2"));

        ObjectNode wrapper = Json.MAPPER.createObjectNode();
        wrapper.set("identifier", Requests.identifier("SERIES"));
        assertThat(Identifiers.fromHttpBody(Requests.http("POST", "/", wrapper))).isEqualTo(Requests.identifier("SERIES"));

        wrapper.set(DimseRequests.HTTP_IDENTIFIER, Requests.identifier("IMAGE"));
        assertThat(Identifiers.fromHttpBody(Requests.http("POST", "/", wrapper))).isEqualTo(Requests.identifier("IMAGE"));

        assertThat(Identifiers.fromHttpBody(Requests.http("GET", "/find", null))).isEmpty();
    }

    @Test
    void invalidDicomJsonIs400() {
        ObjectNode bad = Json.MAPPER.createObjectNode();
        bad.putObject("0020000D").put("vr", "XX");

        assertThatThrownBy(() -> Identifiers.read(bad)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
        assertThatThrownBy(() -> Identifiers.read(Json.MAPPER.createArrayNode()))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void aMatchBecomesDicomJson() {
        Attributes match = keys("0020000D", "UI", "1.2.3", "00100010", "PN", null);

        assertThat(Requests.value(Identifiers.write(match), "0020000D")).isEqualTo("1.2.3");
        assertThat(Identifiers.write(match).path("00100010").path("vr").asText()).isEqualTo("PN");
    }
}
