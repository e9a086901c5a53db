package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.Status;


/**
 * Requests from a DICOM door, in the envelope convention of {@link DimseRequests}: the method is
 * the DIMSE operation, the identifier is the normalized DICOM JSON, a C-STORE's body is the PS3.10
 * instance. C-FIND, C-GET and C-MOVE answer with their results streamed as they come from the PACS
 * (a C-MOVE's instances are retrieved by C-GET: the door sends them on to the destination); the
 * final status and counters are in the response's metadata.
 */
final class DimseDoorRequests {

    private final ScuOperations operations;

    DimseDoorRequests(ScuOperations operations) {
        this.operations = operations;
    }

    ResponseEnvelope handle(RequestEnvelope request) {
        DimseOperation operation = DimseOperation.ofCommand(request.method()).orElseThrow(() ->
                new GatewayException(ProblemType.NOT_IMPLEMENTED, request.method() + " is not a DIMSE operation this"
                        + " backend performs (C-ECHO, C-FIND, C-GET, C-MOVE, C-STORE)").withDimseStatus(Status.UNRECOGNIZED_OPERATION));
        return switch (operation) {
            case ECHO -> echo(request);
            case FIND -> find(request);
            case GET -> retrieve(request, DimseOperation.GET);
            case MOVE -> retrieve(request, DimseOperation.MOVE);
            case STORE -> store(request);
        };
    }

    private ResponseEnvelope echo(RequestEnvelope request) {
        ResponseEnvelope response = ResponseEnvelope.of(200);
        response.metadata().put(DimseRequests.STATUS, DimseRequests.status(operations.echo(request.exchangeId()).status()));
        return response;
    }

    private ResponseEnvelope find(RequestEnvelope request) {
        Attributes identifier = Identifiers.read(request.normalized().orElse(null));
        String level = Identifiers.level(identifier, false);
        String model = model(request, DimseOperation.FIND, level);
        MatchSource source = HierarchyWalk.find(operations, request.exchangeId(), model, level, identifier,
                DimseRequests.priority(request));
        ResponseEnvelope response = ResponseEnvelope.streaming(200,
                new Headers().set("Content-Type", "application/dicom+json"), ResultStream.of(source));
        source.reportTo(response.metadata());
        return response;
    }

    /**
     * C-GET, and C-MOVE, which the door completes itself (it sends the instances on to the move
     * destination it resolved): both are a C-GET on the PACS whose instances stream back as results.
     */
    private ResponseEnvelope retrieve(RequestEnvelope request, DimseOperation operation) {
        if (operation == DimseOperation.MOVE) {
            String destination = request.metadata().get(DimseRequests.MOVE_DESTINATION);
            if (destination == null || !AeTitles.isValid(destination)) {
                throw new GatewayException(ProblemType.MALFORMED_REQUEST, DimseRequests.MOVE_DESTINATION
                        + ": a C-MOVE needs the AE title of its destination, got " + (destination == null ? "none"
                        : "'" + destination + "'")).withDimseStatus(Status.MOVE_DESTINATION_UNKNOWN);
            }
        }
        Attributes identifier = Identifiers.read(request.normalized().orElse(null));
        String model = model(request, DimseOperation.GET, Identifiers.level(identifier, true));
        GetSource source = operations.get(request.exchangeId(), model, identifier, DimseRequests.priority(request));
        ResponseEnvelope response = ResponseEnvelope.streaming(200, new Headers().set("Content-Type",
                "multipart/related; type=\"" + DimseRequests.APPLICATION_DICOM + "\""), ResultStream.of(source));
        source.reportTo(response.metadata());
        return response;
    }

    private ResponseEnvelope store(RequestEnvelope request) {
        ScuOperations.Stored stored = operations.store(request.exchangeId(), request.body(),
                DimseRequests.priority(request));
        ResponseEnvelope response = ResponseEnvelope.of(200);
        response.metadata().put(DimseRequests.STATUS, DimseRequests.status(stored.status()));
        return response;
    }

    /**
     * The caller's information model (its Affected SOP Class UID; a C-MOVE model becomes its C-GET
     * counterpart), else the one the level calls for.
     */
    private static String model(RequestEnvelope request, DimseOperation operation, String level) {
        String affected = request.metadata().get(DimseRequests.AFFECTED_SOP_CLASS);
        return affected == null || affected.isBlank() ? Identifiers.model(operation, level)
                : Identifiers.getModelOf(affected.strip());
    }
}
