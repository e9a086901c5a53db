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
 * the C-FIND identifier; matches the mock PACS never sends (no date, no accession number, no name,
 * two modalities) still make a Bundle in which HAPI's validator finds no error. The gateway's own
 * answers are checked by {@code DicomExamplesTest}.
 */
class FhirDicomTransformsTest {

    private static final Path TRANSFORMS = Path.of("..", "examples", "fhir_dicom", "transforms");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSearchParametersBecomeAStudyLevelIdentifierWithItsReturnKeys() throws IOException {
        JsonNode identifier = run("imagingstudy_search_to_find.json", JSON.readTree("""
                {"data": null, "context": {"request_details": {"method": "GET", "uri": "/fhir/ImagingStudy",
                 "query_params": {"patient": ["PID7"], "_id": ["1.2.3"]}, "headers": {}, "metadata": {}}}}
                """)).path("data").path("dimse_identifier");

        assertThat(identifier.path("00080052").path("Value").path(0).asText()).isEqualTo("STUDY");
        assertThat(identifier.path("00100020").path("Value").path(0).asText()).isEqualTo("PID7");
        assertThat(identifier.path("0020000D").path("Value").path(0).asText()).isEqualTo("1.2.3");
        assertThat(identifier.path("00201208").path("vr").asText()).isEqualTo("IS");
        assertThat(identifier.path("00201208").has("Value")).isFalse();

        JsonNode everything = run("imagingstudy_search_to_find.json", JSON.readTree("""
                {"data": null, "context": {"request_details": {"query_params": {}, "headers": {}, "metadata": {}}}}
                """)).path("data").path("dimse_identifier");
        assertThat(everything.path("00100020").has("Value")).isFalse();
        assertThat(everything.path("0020000D").path("vr").asText()).isEqualTo("UI");
    }

    @Test
    void sparseMatchesStillMakeAValidBundle() throws IOException {
        JsonNode bundle = run("find_matches_to_bundle.json", JSON.readTree("""
                {"data": {"operation": "find", "success": true, "matches": [
                  {"00080052": {"vr": "CS", "Value": ["STUDY"]}, "00100020": {"vr": "LO", "Value": ["PID7"]},
                   "0020000D": {"vr": "UI", "Value": ["1.2.3"]}, "00080020": {"vr": "DA"},
                   "00080050": {"vr": "SH"}, "00080061": {"vr": "CS", "Value": ["MR", "SR"]},
                   "00201206": {"vr": "IS", "Value": [2]}, "00201208": {"vr": "IS", "Value": [40]}}]},
                 "context": {"request_details": {"query_params": {}, "headers": {"host": "gateway.example.org"}},
                             "response_details": {"status": 200, "headers": {}, "metadata": {}}}}
                """)).path("data");

        assertThat(FhirValidation.errors(bundle.toString())).as(bundle.toPrettyString()).isEmpty();
        JsonNode study = bundle.path("entry").path(0).path("resource");
        assertThat(study.has("started")).isFalse();
        assertThat(study.path("identifier")).hasSize(1);
        assertThat(study.path("subject").path("reference").asText()).isEqualTo("Patient/PID7");
        assertThat(study.path("modality").findValuesAsText("code")).containsExactly("MR", "SR");
        assertThat(bundle.path("entry").path(0).path("fullUrl").asText())
                .isEqualTo("http://gateway.example.org/fhir/ImagingStudy/1.2.3");
    }

    private static JsonNode run(String spec, JsonNode input) throws IOException {
        Chainr chain = Chainr.fromSpec(JSON.readValue(TRANSFORMS.resolve(spec).toFile(), Object.class));
        ObjectNode output = JSON.valueToTree(chain.transform(JSON.convertValue(input, Object.class)));
        return output;
    }
}
