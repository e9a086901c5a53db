package org.harmonyee.services.fhir;

import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content-Type the FHIR door answers with: FHIR JSON for a body that has none and for a plain
 * JSON body a pipeline built, when the client asked for FHIR JSON or for nothing; the client's own
 * choice and a server's FHIR types otherwise kept.
 */
class FhirEndpointTest {

    private final FhirEndpoint endpoint = new FhirEndpoint("fhir", "/fhir", null);

    private RequestEnvelope request(String accept) {
        RequestEnvelope.Builder builder = RequestEnvelope.builder("x1", "GET", "/fhir/ImagingStudy");
        if (accept != null) {
            builder.header("Accept", accept);
        }
        RequestEnvelope request = builder.build();
        endpoint.prepare(request);
        return request;
    }

    private String answered(RequestEnvelope request, String contentType) {
        ResponseEnvelope response = ResponseEnvelope.json(200, Json.MAPPER.createObjectNode()
                .put("resourceType", "Bundle"), contentType);
        endpoint.finish(request, response);
        return response.headers().first("Content-Type").orElseThrow();
    }

    @Test
    void aPlainJsonBundleIsFhirJsonWhenTheClientAskedForNothingOrForFhirJson() {
        assertThat(answered(request(null), "application/json")).isEqualTo("application/fhir+json");
        assertThat(answered(request("application/fhir+json"), "application/json; charset=UTF-8"))
                .isEqualTo("application/fhir+json; charset=UTF-8");
        assertThat(answered(request("*/*"), "application/json")).isEqualTo("application/fhir+json");
    }

    @Test
    void theClientsPlainJsonAndTheServersOwnTypesAreKept() {
        assertThat(answered(request("application/json"), "application/json")).isEqualTo("application/json");
        assertThat(answered(request(null), "application/fhir+xml")).isEqualTo("application/fhir+xml");
        assertThat(answered(request(null), "application/fhir+json; fhirVersion=4.0")).isEqualTo(
                "application/fhir+json; fhirVersion=4.0");
    }
}
