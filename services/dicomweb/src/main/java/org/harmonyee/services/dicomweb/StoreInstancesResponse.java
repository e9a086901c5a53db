package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.ResponseEnvelope;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Sequence;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;

import java.util.HashSet;
import java.util.Set;

/**
 * The Store Instances Response of STOW-RS (PS3.18 10.5.3), gathered as the instances are stored:
 * each stored instance in the ReferencedSOPSequence (00081199) with its Retrieve URL and, for a
 * warning, its WarningReason; each refused one in the FailedSOPSequence (00081198) with its
 * FailureReason. The status is 200 when every instance was stored without warning, 202 when some
 * were stored and others failed or warned, 409 when none was stored.
 */
final class StoreInstancesResponse {

    private final String baseUrl;
    private final Attributes answer = new Attributes();
    private final Set<String> studies = new HashSet<>();
    private Sequence referenced;
    private Sequence failed;
    private boolean warned;

    /** @param baseUrl the service's URL as the caller reached it, for the Retrieve URLs */
    StoreInstancesResponse(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An instance the PACS stored, with its C-STORE status (0000, or a warning such as B000). */
    void stored(StowInstance instance, int status) {
        if (referenced == null) {
            referenced = answer.newSequence(Tag.ReferencedSOPSequence);
        }
        Attributes item = reference(referenced.addItem(), instance.sopClassUid(), instance.sopInstanceUid());
        if (instance.studyUid() != null && instance.seriesUid() != null) {
            studies.add(instance.studyUid());
            item.setString(Tag.RetrieveURL, VR.UR, baseUrl + "/studies/" + instance.studyUid() + "/series/"
                    + instance.seriesUid() + "/instances/" + instance.sopInstanceUid());
        }
        if (status != 0) {
            warned = true;
            item.setInt(Tag.WarningReason, VR.US, status);
        }
    }

    /** An instance that was not stored; its UIDs may be null when the part could not be read. */
    void failed(String sopClassUid, String sopInstanceUid, int reason) {
        if (failed == null) {
            failed = answer.newSequence(Tag.FailedSOPSequence);
        }
        reference(failed.addItem(), sopClassUid, sopInstanceUid).setInt(Tag.FailureReason, VR.US, reason);
    }

    /** Whether any instance was stored or refused. */
    boolean isEmpty() {
        return referenced == null && failed == null;
    }

    boolean anyStored() {
        return referenced != null;
    }

    /** The response; {@code study} is the study of the request's path, or null. */
    ResponseEnvelope response(String study) {
        String retrieved = study != null ? study : studies.size() == 1 ? studies.iterator().next() : null;
        if (retrieved != null && referenced != null) {
            answer.setString(Tag.RetrieveURL, VR.UR, baseUrl + "/studies/" + retrieved);
        }
        int status = referenced == null ? 409 : failed != null || warned ? 202 : 200;
        byte[] body = Json.bytes(DicomJsonAnswers.write(answer, (dataSet, element, length) -> null));
        return new ResponseEnvelope(status, new Headers().set("Content-Type", AcceptHeader.DICOM_JSON), Body.of(body));
    }

    private static Attributes reference(Attributes item, String sopClassUid, String sopInstanceUid) {
        if (sopClassUid != null) {
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClassUid);
        }
        if (sopInstanceUid != null) {
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstanceUid);
        }
        return item;
    }
}
