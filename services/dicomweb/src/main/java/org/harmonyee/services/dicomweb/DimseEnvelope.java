package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.services.dimse.DimseRequests;

/**
 * A DICOMweb request restated in the DIMSE envelope convention ({@link DimseRequests}): the same
 * exchange, path, headers and metadata, with protocol {@code dimse}, the operation as the method
 * and the identifier as the normalized DICOM JSON. The backend's answer must stream results.
 */
final class DimseEnvelope {

    private DimseEnvelope() {
    }

    static RequestEnvelope of(RequestEnvelope request, String operation, ObjectNode identifier) {
        RequestEnvelope dimse = RequestEnvelope.builder(request.exchangeId(), operation, request.fullPath())
                .path(request.path()).headers(request.headers().copy()).build();
        dimse.metadata().putAll(request.metadata());
        dimse.metadata().put(MetadataKeys.PROTOCOL, DimseRequests.PROTOCOL);
        dimse.normalizedFromBody(identifier);
        return dimse;
    }

    /**
     * The results of the backend's answer.
     *
     * @throws GatewayException 500 configuration when the backend answered without results: it is no {@code dicom} backend
     */
    static ResultStream results(ResponseEnvelope answer, String operation) {
        return answer.results().orElseThrow(() -> new GatewayException(ProblemType.CONFIGURATION, "the pipeline's"
                + " backend answered the " + operation + " with status " + answer.status() + " and no results;"
                + " dicomweb_bridge needs a dicom backend behind it"));
    }
}
