package org.harmonyee.services.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.error.GatewayException;

/**
 * Renders a gateway failure as a FHIR OperationOutcome with the failure's HTTP status; the issue
 * code follows FHIR's IssueType value set, the diagnostics carry the detail and the exchange id.
 */
final class OperationOutcomes {

    private OperationOutcomes() {
    }

    static ResponseEnvelope render(GatewayException failure, String exchangeId) {
        int status = failure.type().httpStatus();
        ObjectNode outcome = Json.MAPPER.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject()
                .put("severity", status >= 500 ? "fatal" : "error")
                .put("code", issueType(status))
                .put("diagnostics", failure.detail() + " (exchange " + exchangeId + ")");
        ResponseEnvelope response = ResponseEnvelope.json(status, outcome, FhirMediaTypes.FHIR_JSON);
        failure.headers().forEach(response.headers()::set);
        return response;
    }

    static String issueType(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401, 403 -> "security";
            case 404 -> "not-found";
            case 405, 415, 501 -> "not-supported";
            case 409 -> "conflict";
            case 413 -> "too-long";
            case 502, 503 -> "transient";
            case 504 -> "timeout";
            default -> "exception";
        };
    }
}
