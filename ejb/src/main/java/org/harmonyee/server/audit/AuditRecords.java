package org.harmonyee.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.server.exchange.ExchangeCall;
import org.harmonyee.services.dimse.DimseRequests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes {@link AuditRecord}s from what an exchange left in its envelopes: metadata the doors, the
 * exchange service and authentication middleware set ({@link MetadataKeys}, {@link DimseRequests}),
 * the path and query of a DICOMweb request, the identifier of a DIMSE request. Never reads a body.
 */
final class AuditRecords {

    static final String A_ASSOCIATE = "A-ASSOCIATE";
    private static final Map<String, String> LEVEL_SEGMENTS = Map.of("studies", "0020000D", "series", "0020000E",
            "instances", "00080018");
    private static final Map<String, String> QUERY_KEYS = Map.of("StudyInstanceUID", "0020000D",
            "0020000D", "0020000D", "SeriesInstanceUID", "0020000E", "0020000E", "0020000E",
            "SOPInstanceUID", "00080018", "00080018", "00080018");

    private AuditRecords() {
    }

    /** The record of one exchange. */
    static AuditRecord exchange(ExchangeCall call, long durationMillis) {
        RequestEnvelope request = call.request();
        ResponseEnvelope response = call.response();
        Map<String, String> metadata = request.metadata();
        String dimseStatus = response.metadata().get(DimseRequests.STATUS);
        Uids uids = new Uids();
        boolean dimse = DimseRequests.PROTOCOL.equals(metadata.get(MetadataKeys.PROTOCOL));
        if (dimse) {
            request.normalized().ifPresent(uids::addIdentifier);
            uids.add("00080018", metadata.get(DimseRequests.AFFECTED_SOP_INSTANCE));
        } else {
            uids.addPath(request.fullPath());
            QUERY_KEYS.forEach((parameter, tag) -> request.query().getOrDefault(parameter, List.of())
                    .forEach(value -> uids.add(tag, value)));
        }
        return new AuditRecord(Instant.now().toString(), request.exchangeId(), metadata.get(MetadataKeys.PROTOCOL),
                call.network(), metadata.get(MetadataKeys.PIPELINE), metadata.get(MetadataKeys.ENDPOINT), request.method(),
                request.fullPath(), metadata.get(MetadataKeys.PRINCIPAL), metadata.get(MetadataKeys.CLIENT_ADDRESS),
                metadata.get(DimseRequests.CALLING_AET), metadata.get(DimseRequests.CALLED_AET),
                metadata.get(DimseRequests.AFFECTED_SOP_CLASS), uids.studies, uids.series, uids.instances,
                response.status(), dimseStatus, Outcome.of(call), response.metadata().get(DimseRequests.ERROR_COMMENT),
                durationMillis);
    }

    /** The record of an association the DICOM door rejected. */
    static AuditRecord rejectedAssociation(AssociationRequest request, AssociationDecision decision) {
        return new AuditRecord(Instant.now().toString(), request.associationName(), DimseRequests.PROTOCOL,
                request.network(), null, null, A_ASSOCIATE, null, null,
                request.remoteAddress().getAddress().getHostAddress(), request.callingAETitle().strip(),
                request.calledAETitle().strip(), null, List.of(), List.of(), List.of(), null, null,
                Outcome.REFUSED, decision.detail(), 0);
    }

    /** The UIDs named by a request, each once, in order. */
    private static final class Uids {
        final List<String> studies = new ArrayList<>(1);
        final List<String> series = new ArrayList<>(1);
        final List<String> instances = new ArrayList<>(1);

        void addPath(String path) {
            String[] segments = path.split("/");
            for (int i = 0; i + 1 < segments.length; i++) {
                String tag = LEVEL_SEGMENTS.get(segments[i]);
                if (tag != null) {
                    add(tag, segments[i + 1]);
                }
            }
        }

        void addIdentifier(JsonNode identifier) {
            for (String tag : LEVEL_SEGMENTS.values()) {
                identifier.path(tag).path("Value").forEach(value -> add(tag, value.asText()));
            }
        }

        void add(String tag, String value) {
            if (value == null || !isUid(value)) {
                return;
            }
            List<String> list = switch (tag) {
                case "0020000D" -> studies;
                case "0020000E" -> series;
                default -> instances;
            };
            if (!list.contains(value)) {
                list.add(value);
            }
        }

        /** A UID, not a wildcard or a list: digits and dots (PS3.5 9.1). */
        private static boolean isUid(String value) {
            return !value.isEmpty() && value.length() <= 64 && value.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
        }
    }
}
