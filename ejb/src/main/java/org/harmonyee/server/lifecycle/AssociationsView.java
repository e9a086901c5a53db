package org.harmonyee.server.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.rar.api.OpenAssociation;
import org.harmonyee.rar.api.OpenAssociations;

import java.util.Comparator;
import java.util.function.Supplier;

/**
 * The management API's {@code /admin/associations}: every association open on the gateway's DICOM
 * listeners, as the resource adapter publishes them ({@link OpenAssociations}): network, name,
 * calling and called AE titles, the caller's address, TLS, since when, and the requests so far by
 * operation. Oldest first.
 */
public final class AssociationsView implements Supplier<JsonNode> {

    /** The management resource name. */
    public static final String NAME = "associations";

    @Override
    public JsonNode get() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        OpenAssociations.snapshot().stream().sorted(Comparator.comparing(OpenAssociation::since))
                .forEach(association -> {
                    ObjectNode item = list.addObject()
                            .put("network", association.network())
                            .put("name", association.name())
                            .put("calling_aet", association.callingAETitle())
                            .put("called_aet", association.calledAETitle())
                            .put("remote_address", association.remoteAddress())
                            .put("tls", association.tls())
                            .put("since", association.since().toString());
                    ObjectNode requests = item.putObject("requests");
                    association.requests().forEach(requests::put);
                });
        return list;
    }
}
