package org.harmonyee.it;

import com.bazaarvoice.jolt.Chainr;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JOLT specifications of {@code examples/fhir_dicom}, as shipped, on the input the
 * {@code transform} middleware gives them with {@code inject_context = true}: the search becomes
 * an IMAGE-level C-FIND identifier (the backend walks it study by series); matches the mock PACS
 * never sends (no date, no accession number, no name, two series of two modalities) still make a
 * Bundle with its series and instances in which HAPI's validator finds no error. The gateway's own
 * answers are checked by {@code DicomExamplesTest}.
 */
class FhirDicomTransformsTest {

    private static final Path TRANSFORMS = Path.of("..", "examples", "fhir_dicom", "transforms");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSearchParametersBecomeAnImageLevelIdentifierWithTheReturnKeysOfEveryLevel() throws IOException {
        JsonNode identifier = run("imagingstudy_search_to_find.json", JSON.readTree("""
                {"data": null, "context": {"request_details": {"method": "GET", "uri": "/fhir/ImagingStudy",
                 "query_params": {"patient": ["PID7"], "_id": ["1.2.3"]}, "headers": {}, "metadata": {}}}}
                """)).path("data").path("dimse_identifier");

        assertThat(identifier.path("00080052").path("Value").path(0).asText()).isEqualTo("IMAGE");
        assertThat(identifier.path("00100020").path("Value").path(0).asText()).isEqualTo("PID7");
        assertThat(identifier.path("0020000D").path("Value").path(0).asText()).isEqualTo("1.2.3");
        assertThat(identifier.path("0020000E").path("vr").asText()).isEqualTo("UI");
        assertThat(identifier.path("0020000E").has("Value")).isFalse();
        assertThat(identifier.path("00080016").path("vr").asText()).isEqualTo("UI");
        assertThat(identifier.path("00200013").path("vr").asText()).isEqualTo("IS");

        JsonNode everything = run("imagingstudy_search_to_find.json", JSON.readTree("""
                {"data": null, "context": {"request_details": {"query_params": {}, "headers": {}, "metadata": {}}}}
                """)).path("data").path("dimse_identifier");
        assertThat(everything.path("00100020").has("Value")).isFalse();
        assertThat(everything.path("0020000D").path("vr").asText()).isEqualTo("UI");
    }

    @Test
    void sparseMatchesStillMakeAValidBundleWithSeriesAndInstances() throws IOException {
        JsonNode bundle = run("find_matches_to_bundle.json", JSON.readTree("""
                {"data": {"operation": "find", "success": true, "matches": [
                  {"00080052": {"vr": "CS", "Value": ["IMAGE"]}, "00100020": {"vr": "LO", "Value": ["PID7"]},
                   "0020000D": {"vr": "UI", "Value": ["1.2.3"]}, "00080020": {"vr": "DA"}, "00080050": {"vr": "SH"},
                   "0020000E": {"vr": "UI", "Value": ["1.2.3.1"]}, "00080060": {"vr": "CS", "Value": ["MR"]},
                   "00080018": {"vr": "UI", "Value": ["1.2.3.1.1"]},
                   "00080016": {"vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.4"]}},
                  {"00080052": {"vr": "CS", "Value": ["IMAGE"]}, "00100020": {"vr": "LO", "Value": ["PID7"]},
                   "0020000D": {"vr": "UI", "Value": ["1.2.3"]}, "00080020": {"vr": "DA"}, "00080050": {"vr": "SH"},
                   "0020000E": {"vr": "UI", "Value": ["1.2.3.1"]}, "00080060": {"vr": "CS", "Value": ["MR"]},
                   "00200011": {"vr": "IS", "Value": [4]}, "00080018": {"vr": "UI", "Value": ["1.2.3.1.2"]},
                   "00080016": {"vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.4"]}, "00200013": {"vr": "IS", "Value": [2]}},
                  {"00080052": {"vr": "CS", "Value": ["IMAGE"]}, "00100020": {"vr": "LO", "Value": ["PID7"]},
                   "0020000D": {"vr": "UI", "Value": ["1.2.3"]}, "0020000E": {"vr": "UI", "Value": ["1.2.3.2"]},
                   "00080060": {"vr": "CS", "Value": ["SR"]}, "00080018": {"vr": "UI", "Value": ["1.2.3.2.1"]},
                   "00080016": {"vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.88.22"]}}]},
                 "context": {"request_details": {"query_params": {}, "headers": {"host": "gateway.example.org"}},
                             "response_details": {"status": 200, "headers": {}, "metadata": {}}}}
                """)).path("data");

        assertThat(FhirValidation.errors(bundle.toString())).as(bundle.toPrettyString()).isEmpty();
        assertThat(bundle.path("total").asInt()).isEqualTo(1);
        JsonNode study = bundle.path("entry").path(0).path("resource");
        assertThat(study.has("started")).isFalse();
        assertThat(study.path("identifier")).hasSize(1);
        assertThat(study.path("subject").path("reference").asText()).isEqualTo("Patient/PID7");
        assertThat(study.path("modality").findValuesAsText("code")).containsExactlyInAnyOrder("MR", "SR");
        assertThat(study.path("numberOfSeries").asInt()).isEqualTo(2);
        assertThat(study.path("numberOfInstances").asInt()).isEqualTo(3);
        JsonNode mr = study.path("series").path(0);
        assertThat(mr.path("uid").asText()).isEqualTo("1.2.3.1");
        assertThat(mr.path("number").asInt()).isEqualTo(4);
        assertThat(mr.path("modality").path("code").asText()).isEqualTo("MR");
        assertThat(mr.path("numberOfInstances").asInt()).isEqualTo(2);
        assertThat(mr.path("instance").findValuesAsText("uid")).containsExactly("1.2.3.1.1", "1.2.3.1.2");
        assertThat(mr.path("instance").path(1).path("number").asInt()).isEqualTo(2);
        assertThat(mr.path("instance").path(0).path("sopClass").path("code").asText())
                .isEqualTo("urn:oid:1.2.840.10008.5.1.4.1.1.4");
        assertThat(study.path("series").path(1).path("instance")).hasSize(1);
        assertThat(bundle.path("entry").path(0).path("fullUrl").asText())
                .isEqualTo("http://gateway.example.org/fhir/ImagingStudy/1.2.3");
    }

    private static JsonNode run(String spec, JsonNode input) throws IOException {
        Chainr chain = Chainr.fromSpec(JSON.readValue(TRANSFORMS.resolve(spec).toFile(), Object.class));
        ObjectNode output = JSON.valueToTree(chain.transform(JSON.convertValue(input, Object.class)));
        return output;
    }
}
