package org.harmonyee.services.dimse;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.net.association.AssociationRejectedException;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.service.CStoreScu;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The C-STORE sub-operations of a C-MOVE the gateway performs itself: each instance retrieved for
 * the move is sent on to the destination as it arrives, on an association of the gateway's own
 * (calling AE title: the one the caller called), each C-STORE naming the Move Originator.
 *
 * <p>The association is opened at the first instance, proposing its SOP class in its own transfer
 * syntax. An instance of a class and syntax not proposed yet releases it and opens the next one
 * with everything seen so far added, so that one association at most is open to the destination
 * (a store SCP such as DCMTK's storescp serves one at a time). Instances are sent as received,
 * never converted: a destination that accepts no context for one fails that sub-operation (0122).
 */
public final class MoveSubOperations implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MoveSubOperations.class.getName());
    /** PS3.8: presentation context ids are the odd numbers 1-255. */
    private static final int MAX_CONTEXTS = 128;

    private record Context(String sopClassUid, String transferSyntaxUid) {
    }

    private final String logName;
    private final MoveDestination destination;
    private final DicomClient client;
    private final CStoreScu.MoveOriginator originator;
    private final Set<Context> proposed = new LinkedHashSet<>();
    private ScuAssociation association;

    /**
     * @param logName             the originating association's name: log lines start with it
     * @param callingAeTitle      the gateway's AE title on the sub-association
     * @param originatorAeTitle   Move Originator Application Entity Title (0000,1030): the C-MOVE's caller
     * @param originatorMessageId Move Originator Message ID (0000,1031): the C-MOVE's message id
     * @param executor            runs the association's reader
     */
    public MoveSubOperations(String logName, MoveDestination destination, String callingAeTitle,
                             String originatorAeTitle, int originatorMessageId, Executor executor) {
        this.logName = logName;
        this.destination = destination;
        this.client = new DicomClient(callingAeTitle, AssociationSettings.DEFAULT, executor, null);
        this.originator = new CStoreScu.MoveOriginator(originatorAeTitle, originatorMessageId);
    }

    /**
     * Sends one instance, its data set read to its end when the destination took it.
     *
     * @return the sub-operation's status: 0000, a warning (Bxxx), or the failure the destination
     *         answered; 0122 when it accepted no context for the instance's class and syntax, nothing sent
     * @throws GatewayException A702 when the destination cannot be reached, rejects the association
     *         or loses it: no further sub-operation can be performed
     */
    public int store(Part10Input instance) {
        proposeFor(new Context(instance.sopClassUid(), instance.transferSyntaxUid()));
        try {
            return association.store(instance.sopClassUid(), instance.sopInstanceUid(), instance.transferSyntaxUid(),
                    instance.dataSet(), Priority.MEDIUM, originator);
        } catch (DimseException e) {
            return e.status();
        } catch (IOException e) {
            close();
            throw unreachable("lost the association", e);
        }
    }

    private void proposeFor(Context context) {
        if (association != null && association.isOpen() && proposed.contains(context)) {
            return;
        }
        if (proposed.size() == MAX_CONTEXTS) {
            proposed.clear();
        }
        proposed.add(context);
        close();
        Proposal proposal = new Proposal();
        proposed.forEach(each -> proposal.add(each.sopClassUid(), each.transferSyntaxUid()));
        RemoteAE remote = RemoteAE.plain(destination.aeTitle(), destination.host(), destination.port());
        try {
            association = client.open(remote, proposal);
            LOG.log(Level.DEBUG, () -> logName + ": C-MOVE sub-operations to " + destination.aeTitle() + " on "
                    + association.association().name() + ", " + proposed.size() + " context(s)");
        } catch (AssociationRejectedException e) {
            throw unreachable("rejected the association", e);
        } catch (IOException e) {
            throw unreachable("cannot be reached", e);
        }
    }

    private GatewayException unreachable(String what, IOException cause) {
        String reason = DimseStatusMapping.reason(cause);
        LOG.log(Level.INFO, () -> logName + ": move destination " + destination.aeTitle() + " at " + destination.host()
                + ":" + destination.port() + " " + what + ": " + reason);
        return new GatewayException(ProblemType.BACKEND_UNREACHABLE, "move destination " + destination.aeTitle() + " "
                + what + ": " + reason, cause).withDimseStatus(Status.OUT_OF_RESOURCES_SUB_OPERATIONS);
    }

    /** Releases the association to the destination, if one is open. */
    @Override
    public void close() {
        if (association != null) {
            association.close();
            association = null;
        }
    }
}
