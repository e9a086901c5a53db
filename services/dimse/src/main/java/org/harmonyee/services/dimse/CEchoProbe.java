package org.harmonyee.services.dimse;

import org.harmonyee.core.health.Probe;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;

import java.io.IOException;
import java.time.Duration;

/**
 * Probes a DICOM target with a C-ECHO on an association of its own: healthy when the association
 * is accepted and the echo answered Success (or a warning), each timer bounded by the check's timeout.
 */
final class CEchoProbe implements Probe {

    private final RemoteAE remote;
    private final ScuSettings scu;

    CEchoProbe(RemoteAE remote, ScuSettings scu) {
        this.remote = remote;
        this.scu = scu;
    }

    @Override
    public String check(Duration timeout) {
        try (ScuAssociation association = scu.client(timeout).open(remote, Proposal.verification())) {
            association.echo();
            return null;
        } catch (DimseException e) {
            return "C-ECHO to " + describe() + " answered status " + DimseRequests.status(e.status());
        } catch (IOException e) {
            return "C-ECHO to " + describe() + " failed: " + DimseStatusMapping.reason(e);
        }
    }

    private String describe() {
        return remote.aeTitle() + "@" + remote.host() + ":" + remote.port();
    }
}
