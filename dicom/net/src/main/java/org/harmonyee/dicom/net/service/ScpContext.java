package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.pdu.PresentationContext;

/**
 * The per-message state an SCP handler sees: the association (its AE titles, its log name), the
 * presentation context the request came on (abstract and transfer syntax), and the request's command.
 */
public record ScpContext(Association association, PresentationContext presentationContext, Command request) {

    public String callingAETitle() {
        return association.remoteAETitle();
    }

    public String calledAETitle() {
        return association.localAETitle();
    }

    public String transferSyntax() {
        return presentationContext.transferSyntax();
    }

    public String sopClassUid() {
        return request.affectedSopClassUid();
    }

    /** For log lines: {@code CALLING->CALLED(n)}. */
    @Override
    public String toString() {
        return association.name();
    }
}
