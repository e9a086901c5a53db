package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.AAssociateRJ;

import java.io.IOException;

/** The peer answered the A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ. Checked: callers retry or report. */
public final class AssociationRejectedException extends IOException {

    private final transient AAssociateRJ reject;

    public AssociationRejectedException(String association, AAssociateRJ reject) {
        super(association + ": " + reject);
        this.reject = reject;
    }

    public AAssociateRJ reject() {
        return reject;
    }
}
