package org.harmonyee.services.jmix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.services.dimse.DimseRequests;

/**
 * A study-level C-GET in the DIMSE envelope convention ({@link DimseRequests}): the same exchange,
 * headers and metadata as the JMIX request, protocol {@code dimse}, method {@code C-GET}, and the
 * identifier (QueryRetrieveLevel STUDY, the StudyInstanceUID) as normalized DICOM JSON.
 */
final class CGetRequest {

    private CGetRequest() {
    }

    static RequestEnvelope ofStudy(RequestEnvelope request, String studyInstanceUid) {
        RequestEnvelope dimse = RequestEnvelope.builder(request.exchangeId(), DimseRequests.C_GET, request.fullPath())
                .path(request.path()).headers(request.headers().copy()).build();
        dimse.metadata().putAll(request.metadata());
        dimse.metadata().put(MetadataKeys.PROTOCOL, DimseRequests.PROTOCOL);
        ObjectNode identifier = JsonNodeFactory.instance.objectNode();
        element(identifier, Tag.QueryRetrieveLevel, "CS", "STUDY");
        element(identifier, Tag.StudyInstanceUID, "UI", studyInstanceUid);
        dimse.normalizedFromBody(identifier);
        return dimse;
    }

    private static void element(ObjectNode identifier, int tag, String vr, String value) {
        identifier.putObject(TagUtils.toHex(tag)).put("vr", vr).putArray("Value").add(value);
    }
}
