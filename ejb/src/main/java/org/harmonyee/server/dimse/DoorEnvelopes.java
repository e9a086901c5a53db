package org.harmonyee.server.dimse;

import org.harmonyee.core.envelope.ExchangeIds;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.pipeline.RouteSpec;
import org.harmonyee.rar.api.DimseOperation;
import org.harmonyee.rar.api.DimseRequest;
import org.harmonyee.services.dimse.DimseRequests;
import org.harmonyee.services.dimse.Part10Input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A DIMSE request as the envelope the pipeline runs, by the dimse service's convention
 * ({@link DimseRequests}): the operation as the method, the association's AE titles, the Affected
 * SOP Class and priority as metadata, the identifier as normalized DICOM JSON, a C-STORE's data set
 * as a PS3.10 body streamed from the caller's association as the backend reads it.
 */
final class DoorEnvelopes {

    private DoorEnvelopes() {
    }

    /** @throws IOException when the identifier is not valid DICOM JSON */
    static RequestEnvelope of(DimseRequest request) throws IOException {
        RequestEnvelope.Builder builder = RequestEnvelope.builder(ExchangeIds.next(), request.operation().toString(),
                RouteSpec.dicomKey(request.calledAETitle().strip()));
        if (request.operation() == DimseOperation.C_STORE) {
            builder.header("Content-Type", DimseRequests.APPLICATION_DICOM)
                    .body(Part10Input.body(request.affectedSopClassUid(), request.affectedSopInstanceUid().orElseThrow(),
                            request.transferSyntaxUid().orElseThrow(), request.dataSet()));
        }
        RequestEnvelope envelope = builder.build();
        envelope.metadata().put(MetadataKeys.PROTOCOL, DimseRequests.PROTOCOL);
        envelope.metadata().put(MetadataKeys.CLIENT_ADDRESS, request.remoteAddress().getAddress().getHostAddress());
        envelope.metadata().put(DimseRequests.AFFECTED_SOP_CLASS, request.affectedSopClassUid());
        envelope.metadata().put(DimseRequests.PRIORITY, request.priority().name());
        envelope.metadata().put(DimseRequests.CALLING_AET, request.callingAETitle().strip());
        envelope.metadata().put(DimseRequests.CALLED_AET, request.calledAETitle().strip());
        request.affectedSopInstanceUid().ifPresent(uid -> envelope.metadata().put(DimseRequests.AFFECTED_SOP_INSTANCE, uid));
        request.moveDestination().ifPresent(to -> envelope.metadata().put(DimseRequests.MOVE_DESTINATION, to.strip()));
        if (request.identifierJson().isPresent()) {
            envelope.normalizedFromBody(Json.parse(request.identifierJson().get().getBytes(StandardCharsets.UTF_8)));
        }
        return envelope;
    }
}
