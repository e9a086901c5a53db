package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.Envelope;
import org.harmonyee.core.envelope.MetadataKeys;
import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.SubOperations;

import java.util.Locale;
import java.util.Map;

/**
 * The envelope convention for DIMSE requests and their answers, shared by the DICOM door (which
 * writes requests this way) and the {@code dicom} backend (which reads them). The package
 * documentation states it in full; these are its names.
 */
public final class DimseRequests {

    /** The value of {@link MetadataKeys#PROTOCOL} on a request that came through a DICOM door. */
    public static final String PROTOCOL = "dimse";

    /** The request's method: the DIMSE operation. */
    public static final String C_ECHO = "C-ECHO";
    public static final String C_FIND = "C-FIND";
    public static final String C_GET = "C-GET";
    public static final String C_MOVE = "C-MOVE";
    public static final String C_STORE = "C-STORE";

    /** Request metadata: the Affected SOP Class UID of the request (the Q/R model, or the storage class). */
    public static final String AFFECTED_SOP_CLASS = "dimse.affected_sop_class";
    /** Request metadata of a C-STORE: the Affected SOP Instance UID, for the audit trail. */
    public static final String AFFECTED_SOP_INSTANCE = "dimse.affected_sop_instance";
    /** Request metadata: the priority, {@code LOW}, {@code MEDIUM} (the default) or {@code HIGH}. */
    public static final String PRIORITY = "dimse.priority";
    /** Request metadata: the AE title that called the door; informational (the backend calls as its local_aet). */
    public static final String CALLING_AET = "dimse.calling_aet";
    /** Request metadata: the AE title the door was called as; informational. */
    public static final String CALLED_AET = "dimse.called_aet";
    /** Request metadata: the Move Destination of a C-MOVE, an AE title the PACS knows. */
    public static final String MOVE_DESTINATION = "dimse.move_destination";

    /** Response metadata: the PACS's final status, four hex digits ({@code 0000}, {@code B000}, ...). */
    public static final String STATUS = "dimse.status";
    /** Response metadata of a failure: the ErrorComment (0000,0902) a DICOM door sends with the status. */
    public static final String ERROR_COMMENT = "dimse.error_comment";
    /** Response metadata of C-GET and C-MOVE: the sub-operation counters of the final response. */
    public static final String COMPLETED = "dimse.completed";
    public static final String FAILED = "dimse.failed";
    public static final String WARNING = "dimse.warning";

    /** The media type of a PS3.10 instance: a C-STORE request body, a C-GET result. */
    public static final String APPLICATION_DICOM = "application/dicom";
    /** Headers of a C-GET result: the instance's SOP Class UID, SOP Instance UID and transfer syntax. */
    public static final String SOP_CLASS_UID_HEADER = "DICOM-SOP-Class-UID";
    public static final String SOP_INSTANCE_UID_HEADER = "DICOM-SOP-Instance-UID";
    public static final String TRANSFER_SYNTAX_UID_HEADER = "DICOM-Transfer-Syntax-UID";
    /**
     * Header of a C-GET result, when the PACS said (in its last pending response): the
     * sub-operations it still had to perform when this instance came, this one included.
     */
    public static final String REMAINING_HEADER = "DICOM-Remaining-Sub-Operations";

    /** Request metadata of an HTTP-door request: the operation, {@code echo|find|get|move|store}. */
    public static final String HTTP_OPERATION = "dimse_op";
    /** Normalized JSON key of an HTTP-door request: the identifier, overriding the rest of the body. */
    public static final String HTTP_IDENTIFIER = "dimse_identifier";

    private DimseRequests() {
    }

    /** Whether the request follows this convention (it came through a DICOM door). */
    public static boolean isDimse(Envelope request) {
        return PROTOCOL.equals(request.metadata().get(MetadataKeys.PROTOCOL));
    }

    /**
     * The request's priority; absent is MEDIUM.
     *
     * @throws GatewayException 400 for a value other than LOW, MEDIUM, HIGH (or their codes 2, 0, 1)
     */
    public static Priority priority(RequestEnvelope request) {
        String value = request.metadata().get(PRIORITY);
        if (value == null || value.isBlank()) {
            return Priority.MEDIUM;
        }
        for (Priority priority : Priority.values()) {
            if (priority.name().equals(value.strip().toUpperCase(Locale.ROOT))
                    || String.valueOf(priority.code()).equals(value.strip())) {
                return priority;
            }
        }
        throw new GatewayException(ProblemType.MALFORMED_REQUEST, PRIORITY + ": expected LOW, MEDIUM or HIGH, got '"
                + value + "'");
    }

    /** A status as the metadata writes it: four upper-case hex digits. */
    public static String status(int status) {
        return String.format("%04X", status);
    }

    /** The final status and sub-operation counters of a C-GET or C-MOVE into response metadata. */
    static void putCounters(RetrieveResult result, Map<String, String> metadata) {
        SubOperations counts = result.subOperations();
        metadata.put(STATUS, status(result.status()));
        metadata.put(COMPLETED, String.valueOf(Math.max(0, counts.completed())));
        metadata.put(FAILED, String.valueOf(Math.max(0, counts.failed())));
        metadata.put(WARNING, String.valueOf(Math.max(0, counts.warning())));
    }
}
