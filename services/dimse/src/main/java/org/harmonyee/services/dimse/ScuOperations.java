package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.service.CStoreScp;
import org.harmonyee.dicom.net.service.DirectoryStorage;
import org.harmonyee.dicom.net.service.FindResults;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.RetrieveScu;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.harmonyee.dicom.uid.UID;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The DIMSE services the backend performs on a PACS, each on an association that
 * {@link ScuConnector} gives it (kept open for the next request when the operation ended well and
 * pooling is on, released otherwise), whichever door the request came through:
 * the doors' request shapes are read and answered by {@link DimseDoorRequests} and
 * {@link HttpDoorRequests}. Every failure is a {@link GatewayException} (see {@link DimseStatusMapping}).
 */
final class ScuOperations {

    private static final System.Logger LOG = System.getLogger(ScuOperations.class.getName());

    /** What a C-ECHO reached. */
    record Echo(RemoteAE remote, int status) {
    }

    /** What a C-STORE sent and the PACS answered (0000 or a warning). */
    record Stored(Part10Input instance, int status) {
    }

    /** How a retrieve runs on its association, giving each instance to {@code store} as it arrives. */
    @FunctionalInterface
    interface Retrieval {
        RetrieveResult run(CStoreScp store, RetrieveScu.Listener listener) throws IOException, DimseException;
    }

    private final String backend;
    private final ScuConnector connector;
    private final Executor executor;
    private final MoveDestinationScp moveDestination;
    private final boolean moveWhenGetRefused;

    /**
     * @param moveDestination    where retrieves move to ({@code dimse_retrieve_mode = "move"}), or null to C-GET
     * @param moveWhenGetRefused retrieves are C-GETs, moved to {@code moveDestination} only when the PACS
     *                           refuses them ({@code dimse_retrieve_mode = "get_or_move"})
     */
    ScuOperations(String backend, ScuConnector connector, Executor executor, MoveDestinationScp moveDestination,
                  boolean moveWhenGetRefused) {
        this.backend = backend;
        this.connector = connector;
        this.executor = executor;
        this.moveDestination = moveDestination;
        this.moveWhenGetRefused = moveWhenGetRefused && moveDestination != null;
    }

    Echo echo(String exchangeId) {
        try (ScuConnector.Connection connection = connector.open(exchangeId, DimseOperation.ECHO,
                DimseOperation.ECHO.command(), Proposal.verification())) {
            Echo echo = new Echo(connection.remote(), connection.association().echo());
            connection.ended();
            return echo;
        } catch (DimseException e) {
            throw DimseStatusMapping.refused(backend, DimseOperation.ECHO, e);
        } catch (IOException e) {
            throw DimseStatusMapping.lost(backend, DimseOperation.ECHO, e);
        }
    }

    /** Starts a C-FIND; its matches are pulled from the source, which must be closed. */
    FindSource find(String exchangeId, String model, Attributes identifier, Priority priority) {
        Proposal proposal = new Proposal().add(model, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        ScuConnector.Connection connection = connector.open(exchangeId, DimseOperation.FIND, contexts(DimseOperation.FIND,
                model), proposal);
        try {
            FindResults results = connection.association().findResults(model, identifier, priority);
            return new FindSource(exchangeId, backend, connection, results);
        } catch (DimseException e) {
            connection.close();
            throw DimseStatusMapping.refused(backend, DimseOperation.FIND, e);
        } catch (IOException e) {
            connection.close();
            throw DimseStatusMapping.lost(backend, DimseOperation.FIND, e);
        }
    }

    /**
     * Starts a retrieve of what the C-GET {@code model} and {@code identifier} name, whose instances
     * are pulled from the source as they arrive; close the source. It is a C-GET, in move mode a
     * C-MOVE to the backend's own {@link MoveDestinationScp}, and in get_or_move mode a C-GET that
     * the PACS refuses before sending anything is performed again as that C-MOVE.
     */
    GetSource get(String exchangeId, String model, Attributes identifier, Priority priority) {
        DimseOperation first = firstOperation();
        ScuConnector.Connection connection = openRetrieve(exchangeId, first, model);
        GetSource source = new GetSource(exchangeId, backend, connection, first);
        Retrieval retrieval = retrieval(first, connection.association(), model, identifier, priority);
        Retrieval run = moveWhenGetRefused
                ? movingWhenRefused(exchangeId, source, retrieval, model, identifier, priority) : retrieval;
        try {
            executor.execute(() -> source.retrieve(run));
        } catch (RejectedExecutionException e) {
            connection.association().association().abort(AAbort.byUser(), exchangeId + ": no thread for the C-GET");
            connection.close();
            throw new GatewayException(ProblemType.BACKEND_UNAVAILABLE, "backend '" + backend
                    + "': no thread is free to run the " + first.command(), e);
        }
        return source;
    }

    /**
     * {@code get}, and when the PACS refuses it before sending anything, a C-MOVE on a new
     * association that the source follows from then on.
     */
    private Retrieval movingWhenRefused(String exchangeId, GetSource source, Retrieval get, String model,
                                        Attributes identifier, Priority priority) {
        return (store, listener) -> {
            try {
                return get.run(store, listener);
            } catch (DimseException e) {
                if (!RefusedGet.isRefusal(e.status()) || source.handedOver() > 0) {
                    throw e;
                }
                logMovingInstead(exchangeId, e);
                ScuConnector.Connection moving = openRetrieve(exchangeId, DimseOperation.MOVE, model);
                source.continueWith(moving, DimseOperation.MOVE);
                return retrieval(DimseOperation.MOVE, moving.association(), model, identifier, priority)
                        .run(store, listener);
            }
        };
    }

    /** A retrieve (as {@link #get}) whose instances are written into {@code folder} as {@code <SOP Instance UID>.dcm}. */
    RetrieveResult getInto(String exchangeId, String model, Attributes identifier, Priority priority, Path folder) {
        DimseOperation first = firstOperation();
        DirectoryStorage storage = new DirectoryStorage(folder);
        AtomicInteger stored = new AtomicInteger();
        CStoreScp counted = (context, dataSet) -> {
            stored.incrementAndGet();
            return storage.store(context, dataSet);
        };
        try {
            return retrieveInto(exchangeId, first, model, identifier, priority, counted);
        } catch (DimseException e) {
            if (!moveWhenGetRefused || !RefusedGet.isRefusal(e.status()) || stored.get() > 0) {
                throw DimseStatusMapping.refused(backend, first, e);
            }
            logMovingInstead(exchangeId, e);
        } catch (IOException e) {
            throw DimseStatusMapping.lost(backend, first, e);
        }
        try {
            return retrieveInto(exchangeId, DimseOperation.MOVE, model, identifier, priority, counted);
        } catch (DimseException e) {
            throw DimseStatusMapping.refused(backend, DimseOperation.MOVE, e);
        } catch (IOException e) {
            throw DimseStatusMapping.lost(backend, DimseOperation.MOVE, e);
        }
    }

    private RetrieveResult retrieveInto(String exchangeId, DimseOperation operation, String model,
                                        Attributes identifier, Priority priority, CStoreScp store)
            throws IOException, DimseException {
        try (ScuConnector.Connection connection = openRetrieve(exchangeId, operation, model)) {
            RetrieveResult result = retrieval(operation, connection.association(), model, identifier, priority)
                    .run(store, RetrieveScu.Listener.NONE);
            connection.ended();
            return result;
        }
    }

    /** The PACS refused a C-GET ({@code refusal}) before sending anything: it is performed again as a C-MOVE. */
    private void logMovingInstead(String exchangeId, DimseException refusal) {
        LOG.log(Level.INFO, () -> exchangeId + ": backend '" + backend + "': the PACS refused the C-GET ("
                + refusal.getMessage() + "); retrieving by C-MOVE to " + moveDestination.aeTitle());
    }

    /** What a retrieve starts as: a C-GET, or in move mode a C-MOVE. */
    private DimseOperation firstOperation() {
        return moveDestination == null || moveWhenGetRefused ? DimseOperation.GET : DimseOperation.MOVE;
    }

    /** The association of a retrieve: proposing the storage classes for a C-GET, the C-MOVE model for a move. */
    private ScuConnector.Connection openRetrieve(String exchangeId, DimseOperation operation, String getModel) {
        if (operation == DimseOperation.GET) {
            return connector.open(exchangeId, DimseOperation.GET, contexts(DimseOperation.GET, getModel),
                    RetrieveProposal.of(getModel));
        }
        String moveModel = Identifiers.moveModelOf(getModel);
        return connector.open(exchangeId, DimseOperation.MOVE, contexts(DimseOperation.MOVE, moveModel),
                new Proposal().add(moveModel, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian));
    }

    private Retrieval retrieval(DimseOperation operation, ScuAssociation association, String getModel,
                                Attributes identifier, Priority priority) {
        if (operation == DimseOperation.GET) {
            return (store, listener) -> association.get(getModel, identifier, priority, store, listener);
        }
        String moveModel = Identifiers.moveModelOf(getModel);
        return (store, listener) -> moveDestination.receive(store, messageId -> association.move(moveModel,
                identifier, moveDestination.aeTitle(), priority, messageId, listener));
    }

    RetrieveResult move(String exchangeId, String model, Attributes identifier, String destination, Priority priority) {
        Proposal proposal = new Proposal().add(model, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        try (ScuConnector.Connection connection = connector.open(exchangeId, DimseOperation.MOVE,
                contexts(DimseOperation.MOVE, model), proposal)) {
            RetrieveResult result = connection.association().move(model, identifier, destination, priority,
                    RetrieveScu.Listener.NONE);
            connection.ended();
            return result;
        } catch (DimseException e) {
            throw DimseStatusMapping.refused(backend, DimseOperation.MOVE, e);
        } catch (IOException e) {
            throw DimseStatusMapping.lost(backend, DimseOperation.MOVE, e);
        }
    }

    /**
     * A C-STORE of the PS3.10 instance in {@code body}: proposed in its own transfer syntax, its
     * data set streamed from the body as it is read.
     */
    Stored store(String exchangeId, Body body, Priority priority) {
        try (Part10Input instance = Part10Input.read(body)) {
            Proposal proposal = new Proposal().add(instance.sopClassUid(), instance.transferSyntaxUid());
            try (ScuConnector.Connection connection = connector.open(exchangeId, DimseOperation.STORE,
                    contexts(DimseOperation.STORE, instance.sopClassUid() + " " + instance.transferSyntaxUid()),
                    proposal)) {
                Stored stored = new Stored(instance, connection.association().store(instance.sopClassUid(),
                        instance.sopInstanceUid(), instance.transferSyntaxUid(), instance.dataSet(), priority));
                connection.ended();
                return stored;
            }
        } catch (DimseException e) {
            throw DimseStatusMapping.refused(backend, DimseOperation.STORE, e);
        } catch (IOException e) {
            throw DimseStatusMapping.lost(backend, DimseOperation.STORE, e);
        }
    }

    /** What an association opened for {@code operation} on {@code syntaxes} can be reused for. */
    private static String contexts(DimseOperation operation, String syntaxes) {
        return operation.command() + " " + syntaxes;
    }
}
