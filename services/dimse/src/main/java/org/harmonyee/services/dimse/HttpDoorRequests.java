package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.service.RetrieveResult;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Requests from an HTTP door (an {@code http} endpoint POSTing JSON, say), answered in the Rust
 * Harmony's JSON shapes. The operation is the request metadata {@code dimse_op}, else the last
 * path segment when it names one, else {@code dimse_retrieve_mode}; the identifier is taken as
 * {@link Identifiers#fromHttpBody} says. A failure is the gateway's problem, never a 200 with
 * {@code success: false}.
 */
final class HttpDoorRequests {

    private final ScuOperations operations;
    private final DimseBackendConfig config;
    private final RetrieveFolders folders;

    HttpDoorRequests(ScuOperations operations, DimseBackendConfig config, RetrieveFolders folders) {
        this.operations = operations;
        this.config = config;
        this.folders = folders;
    }

    ResponseEnvelope handle(RequestEnvelope request) {
        return switch (operation(request)) {
            case ECHO -> echo(request);
            case FIND -> find(request);
            case GET -> get(request);
            case MOVE -> move(request);
            case STORE -> store(request);
        };
    }

    /** {@code dimse_op}, else the last path segment if it names an operation, else the retrieve mode. */
    DimseOperation operation(RequestEnvelope request) {
        String named = request.metadata().get(DimseRequests.HTTP_OPERATION);
        if (named != null) {
            return DimseOperation.ofHarmonyName(named).orElseThrow(() -> new GatewayException(
                    ProblemType.MALFORMED_REQUEST, DimseRequests.HTTP_OPERATION
                    + ": expected echo, find, get, move or store, got '" + named + "'"));
        }
        String path = request.path() == null ? "" : request.path().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return DimseOperation.ofHarmonyName(last).orElse(config.retrieveMode());
    }

    private ResponseEnvelope echo(RequestEnvelope request) {
        ScuOperations.Echo echo = operations.echo(request.exchangeId());
        ObjectNode answer = answer("echo").put("remote_aet", echo.remote().aeTitle())
                .put("host", echo.remote().host()).put("port", echo.remote().port());
        return respond(answer, DimseRequests.status(echo.status()));
    }

    private ResponseEnvelope find(RequestEnvelope request) {
        Attributes identifier = Identifiers.read(Identifiers.fromHttpBody(request));
        String level = Identifiers.level(identifier, false);
        String model = Identifiers.model(DimseOperation.FIND, level);
        int max = maxResults(request);
        ArrayNode matches = Json.MAPPER.createArrayNode();
        boolean truncated = false;
        Map<String, String> outcome = new HashMap<>();
        try (MatchSource source = HierarchyWalk.find(operations, request.exchangeId(), model, level, identifier,
                DimseRequests.priority(request)).reportTo(outcome)) {
            for (Optional<Result> match = source.next(); match.isPresent(); match = source.next()) {
                if (matches.size() == max) {
                    truncated = true;
                    break;
                }
                matches.add(match.get().json());
            }
        }
        ObjectNode answer = answer("find").set("matches", matches);
        if (truncated) {
            answer.put("truncated", true);
        }
        return respond(answer, outcome.get(DimseRequests.STATUS));
    }

    /** The option {@code max_results}, lowered by the request's own {@code max_results}. */
    private int maxResults(RequestEnvelope request) {
        JsonNode asked = request.normalized().map(body -> body.get("max_results")).orElse(null);
        if (asked != null && asked.canConvertToInt() && asked.asInt() > 0) {
            return Math.min(config.maxResults(), asked.asInt());
        }
        return config.maxResults();
    }

    private ResponseEnvelope get(RequestEnvelope request) {
        Attributes identifier = Identifiers.read(Identifiers.fromHttpBody(request));
        String model = Identifiers.model(DimseOperation.GET, Identifiers.level(identifier, true));
        RetrieveFolders.Folder folder = folders.create(request.exchangeId());
        RetrieveResult result;
        try {
            result = operations.getInto(request.exchangeId(), model, identifier, DimseRequests.priority(request),
                    folder.path());
        } catch (GatewayException e) {
            folders.delete(request.exchangeId(), folder);
            throw e;
        }
        int files = folders.count(folder);
        ObjectNode answer = answer("get").put("instances", files);
        counters(answer, result).put("folder_id", folder.id()).put("folder_path", folder.path().toString())
                .put("file_count", files);
        return respondRetrieved(answer, result);
    }

    private ResponseEnvelope move(RequestEnvelope request) {
        String destination = request.metadata().getOrDefault(DimseRequests.MOVE_DESTINATION, config.moveDestination());
        if (destination == null || !AeTitles.isValid(destination)) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, "a C-MOVE needs the AE title of its destination"
                    + " (request metadata " + DimseRequests.MOVE_DESTINATION + " or the backend option move_destination),"
                    + " got " + (destination == null ? "none" : "'" + destination + "'"));
        }
        Attributes identifier = Identifiers.read(Identifiers.fromHttpBody(request));
        String model = Identifiers.model(DimseOperation.MOVE, Identifiers.level(identifier, true));
        RetrieveResult result = operations.move(request.exchangeId(), model, identifier, destination.strip(),
                DimseRequests.priority(request));
        return respondRetrieved(counters(answer("move"), result), result);
    }

    private ResponseEnvelope store(RequestEnvelope request) {
        ScuOperations.Stored stored = operations.store(request.exchangeId(), request.body(),
                DimseRequests.priority(request));
        ObjectNode answer = answer("store").put("status", DimseRequests.status(stored.status()))
                .put("sop_class_uid", stored.instance().sopClassUid())
                .put("sop_instance_uid", stored.instance().sopInstanceUid());
        return respond(answer, DimseRequests.status(stored.status()));
    }

    private static ObjectNode answer(String operation) {
        return Json.MAPPER.createObjectNode().put("operation", operation).put("success", true);
    }

    private static ObjectNode counters(ObjectNode answer, RetrieveResult result) {
        return answer.put("completed", Math.max(0, result.subOperations().completed()))
                .put("failed", Math.max(0, result.subOperations().failed()))
                .put("warning", Math.max(0, result.subOperations().warning()));
    }

    private static ResponseEnvelope respond(ObjectNode answer, String status) {
        ResponseEnvelope response = ResponseEnvelope.json(200, answer);
        if (status != null) {
            response.metadata().put(DimseRequests.STATUS, status);
        }
        return response;
    }

    private static ResponseEnvelope respondRetrieved(ObjectNode answer, RetrieveResult result) {
        ResponseEnvelope response = ResponseEnvelope.json(200, answer);
        DimseRequests.putCounters(result, response.metadata());
        return response;
    }
}
