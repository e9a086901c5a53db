package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.services.dimse.DimseRequests;

import java.io.InputStream;

/**
 * A DICOMweb request restated in the DIMSE envelope convention ({@link DimseRequests}): the same
 * exchange, path, headers and metadata, with protocol {@code dimse}, the operation as the method
 * and the identifier as the normalized DICOM JSON. The backend's answer must stream results.
 */
final class DimseEnvelope {

    private DimseEnvelope() {
    }

    static RequestEnvelope of(RequestEnvelope request, String operation, ObjectNode identifier) {
        RequestEnvelope dimse = restated(request, operation, request.headers().copy(), Body.empty());
        dimse.normalizedFromBody(identifier);
        return dimse;
    }

    /**
     * A C-STORE of one instance: its storage class as the Affected SOP Class, {@code part10} (the
     * PS3.10 stream, read once as it is sent) as the body.
     */
    static RequestEnvelope store(RequestEnvelope request, String sopClassUid, InputStream part10) {
        Headers headers = request.headers().copy().set("Content-Type", DimseRequests.APPLICATION_DICOM);
        headers.remove("Content-Length");
        RequestEnvelope dimse = restated(request, DimseRequests.C_STORE, headers, Body.stream(part10, -1));
        dimse.metadata().put(DimseRequests.AFFECTED_SOP_CLASS, sopClassUid);
        return dimse;
    }

    private static RequestEnvelope restated(RequestEnvelope request, String operation, Headers headers, Body body) {
        RequestEnvelope dimse = RequestEnvelope.builder(request.exchangeId(), operation, request.fullPath())
                .path(request.path()).headers(headers).body(body).build();
        dimse.metadata().putAll(request.metadata());
        dimse.metadata().put(MetadataKeys.PROTOCOL, DimseRequests.PROTOCOL);
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
