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
 * Gives each request an association to a target of the backend's pool: an idle one of the
 * {@link AssociationPool} that was negotiated for the same contexts, else a new one. A failure to
 * connect (refused, unknown host, no A-ASSOCIATE-AC in time) counts against the target and, for an
 * operation that only reads, tries the next target; a PACS that rejects the association is
 * reachable, and its rejection is the answer.
 */
final class ScuConnector {

    private static final System.Logger LOG = System.getLogger(ScuConnector.class.getName());

    /**
     * An open association for one operation and the target it goes to. Call {@link #ended} once
     * the operation has had its final response; closing then gives the association back to the
     * pool, and otherwise (a failure, an abort, a consumer gone) releases or aborts it.
     */
    final class Connection implements AutoCloseable {

        private final RemoteAE remote;
        private final ScuAssociation association;
        private final AssociationPool.Key key;
        private volatile boolean ended;

        private Connection(RemoteAE remote, ScuAssociation association, AssociationPool.Key key) {
            this.remote = remote;
            this.association = association;
            this.key = key;
        }

        RemoteAE remote() {
            return remote;
        }

        ScuAssociation association() {
            return association;
        }

        /** The operation has had its final response: the association may serve the next one. */
        void ended() {
            ended = true;
        }

        @Override
        public void close() {
            if (ended) {
                associations.giveBack(key, association);
            } else {
                association.close();
            }
        }
    }

    private final String backend;
    private final TargetPool pool;
    private final DicomClient client;
    private final AssociationPool associations;

    ScuConnector(String backend, TargetPool pool, DicomClient client, AssociationPool associations) {
        this.backend = backend;
        this.pool = pool;
        this.client = client;
        this.associations = associations;
    }

    /**
     * @throws org.harmonyee.core.error.GatewayException 502 unreachable or rejected, 504 no
     *         association in time, 503 every target down
     */
    Connection open(String exchangeId, DimseOperation operation, String contexts, Proposal proposal) {
        Set<Target> tried = new HashSet<>();
        while (true) {
            Target target = pool.choose(tried);
            tried.add(target);
            RemoteAE remote = DicomTargets.remote(target.url());
            AssociationPool.Key key = new AssociationPool.Key(target.url(), contexts);
            ScuAssociation idle = associations.take(key);
            if (idle != null) {
                LOG.log(Level.DEBUG, () -> exchangeId + ": backend '" + backend + "' " + operation.command()
                        + " on " + idle.association().name() + " (kept open) to " + target.url());
                return new Connection(remote, idle, key);
            }
            try {
                ScuAssociation association = client.open(remote, proposal);
                pool.succeeded(target);
                LOG.log(Level.DEBUG, () -> exchangeId + ": backend '" + backend + "' " + operation.command() + " on "
                        + association.association().name() + " to " + target.url());
                return new Connection(remote, association, key);
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
