package org.harmonyee.services.dimse;

import org.harmonyee.core.health.Target;
import org.harmonyee.core.health.TargetPool;
import org.harmonyee.dicom.net.association.AssociationRejectedException;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;

/**
 * Opens the association for one request to a target of the backend's pool. A failure to connect
 * (refused, unknown host, no A-ASSOCIATE-AC in time) counts against the target and, for an
 * operation that only reads, tries the next target; a PACS that rejects the association is
 * reachable, and its rejection is the answer.
 */
final class ScuConnector {

    private static final System.Logger LOG = System.getLogger(ScuConnector.class.getName());

    /** An open association and the target it goes to; close the association to release it. */
    record Connection(Target target, RemoteAE remote, ScuAssociation association) {
    }

    private final String backend;
    private final TargetPool pool;
    private final DicomClient client;

    ScuConnector(String backend, TargetPool pool, DicomClient client) {
        this.backend = backend;
        this.pool = pool;
        this.client = client;
    }

    /**
     * @throws org.harmonyee.core.error.GatewayException 502 unreachable or rejected, 504 no
     *         association in time, 503 every target down
     */
    Connection open(String exchangeId, DimseOperation operation, Proposal proposal) {
        Set<Target> tried = new HashSet<>();
        while (true) {
            Target target = pool.choose(tried);
            tried.add(target);
            RemoteAE remote = DicomTargets.remote(target.url());
            try {
                ScuAssociation association = client.open(remote, proposal);
                pool.succeeded(target);
                LOG.log(Level.DEBUG, () -> exchangeId + ": backend '" + backend + "' " + operation.command() + " on "
                        + association.association().name() + " to " + target.url());
                return new Connection(target, remote, association);
            } catch (AssociationRejectedException e) {
                pool.succeeded(target);
                throw DimseStatusMapping.rejected(backend, target.url().toString(), e);
            } catch (IOException e) {
                pool.connectionFailed(target, DimseStatusMapping.reason(e));
                if (!operation.idempotent() || !pool.hasUntried(tried)) {
                    throw DimseStatusMapping.notConnected(backend, target.url().toString(), e);
                }
                LOG.log(Level.DEBUG, () -> exchangeId + ": backend '" + backend + "': " + target + " failed ("
                        + DimseStatusMapping.reason(e) + "), trying the next target");
            }
        }
    }
}
