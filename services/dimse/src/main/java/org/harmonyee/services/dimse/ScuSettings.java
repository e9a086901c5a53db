package org.harmonyee.services.dimse;

import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.Timeouts;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.tls.DicomTls;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How this backend calls a PACS: its calling AE title, the association timers and PDU size, the
 * threads association readers run on, and TLS (null for plain TCP).
 */
record ScuSettings(String localAet, AssociationSettings association, Executor executor, DicomTls tls) {

    /** The client for requests. */
    DicomClient client() {
        return new DicomClient(localAet, association, executor, tls);
    }

    /** A client whose every timer is {@code limit}: a probe must end within its timeout. */
    DicomClient client(Duration limit) {
        return new DicomClient(localAet, association.withTimeouts(new Timeouts(limit, limit, limit, limit, limit)),
                executor, tls);
    }

    boolean usesTls() {
        return tls != null;
    }
}
