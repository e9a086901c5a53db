package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.AssociationRequestor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.tls.DicomTls;

import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * The SCU client the gateway's backends use: one calling AE title, its association settings, an
 * Executor for association readers, and optionally TLS for remote AEs that need it.
 * Thread-safe; each {@link #open} is a new association.
 */
public final class DicomClient {

    private final String aeTitle;
    private final AssociationRequestor plain;
    private final AssociationRequestor secure;

    /** @param tls for {@link RemoteAE#tls()} peers, or null when none is configured */
    public DicomClient(String aeTitle, AssociationSettings settings, Executor executor, DicomTls tls) {
        this.aeTitle = aeTitle;
        this.plain = new AssociationRequestor(settings, executor, null);
        this.secure = tls == null ? null : new AssociationRequestor(settings, executor, tls);
    }

    public String aeTitle() {
        return aeTitle;
    }

    /** Opens an association proposing {@code proposal}; close the result to release it. */
    public ScuAssociation open(RemoteAE remote, Proposal proposal) throws IOException {
        if (remote.tls() && secure == null) {
            throw new IOException(remote.aeTitle() + " needs TLS, and this client has no TLS configuration");
        }
        ScuAssociation scu = new ScuAssociation(this);
        Association association = (remote.tls() ? secure : plain).open(remote.host(), remote.port(),
                proposal.toRequest(aeTitle, remote.aeTitle()), scu.requestHandler());
        scu.attach(association);
        return scu;
    }
}
