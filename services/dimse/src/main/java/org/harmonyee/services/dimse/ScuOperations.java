package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.service.DirectoryStorage;
import org.harmonyee.dicom.net.service.FindResults;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.RetrieveScu;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.harmonyee.dicom.uid.UID;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The DIMSE services the backend performs on a PACS, each on an association of its own (opened
 * through {@link ScuConnector}, released when done), whichever door the request came through:
 * the doors' request shapes are read and answered by {@link DimseDoorRequests} and
 * {@link HttpDoorRequests}. Every failure is a {@link GatewayException} (see {@link DimseStatusMapping}).
 */
final class ScuOperations {

    /** What a C-ECHO reached. */
    record Echo(RemoteAE remote, int status) {
    }

    /** What a C-STORE sent and the PACS answered (0000 or a warning). */
    record Stored(Part10Input instance, int status) {
    }

    private final String backend;
    private final ScuConnector connector;
    private final Executor executor;

    ScuOperations(String backend, ScuConnector connector, Executor executor) {
        this.backend = backend;
        this.connector = connector;
        this.executor = executor;
    }

    Echo echo(String exchangeId) {
        ScuConnector.Connection connection = connector.open(exchangeId, DimseOperation.ECHO, Proposal.verification());
        try (ScuAssociation association = connection.association()) {
            return new Echo(connection.remote(), association.echo());
        } catch (DimseException e) {
            throw DimseStatusMapping.refused(backend, DimseOperation.ECHO, e);
        } catch (IOException e) {
            throw DimseStatusMapping.lost(backend, DimseOperation.ECHO, e);
        }
    }

    /** Starts a C-FIND; its matches are pulled from the source, which must be closed. */
    FindSource find(String exchangeId, String model, Attributes identifier, Priority priority) {
        Proposal proposal = new Proposal().add(model, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        ScuAssociation association = connector.open(exchangeId, DimseOperation.FIND, proposal).association();
        try {
            FindResults results = association.findResults(model, identifier, priority);
            return new FindSource(exchangeId, backend, association, results);
        } catch (DimseException e) {
            association.close();
            throw DimseStatusMapping.refused(backend, DimseOperation.FIND, e);
        } catch (IOException e) {
            association.close();
            throw DimseStatusMapping.lost(backend, DimseOperation.FIND, e);
        }
    }

    /** Starts a C-GET whose instances are pulled from the source as they arrive; close the source. */
    GetSource get(String exchangeId, String model, Attributes identifier, Priority priority) {
        ScuAssociation association = connector.open(exchangeId, DimseOperation.GET, RetrieveProposal.of(model))
                .association();
        GetSource source = new GetSource(exchangeId, backend, association);
        try {
            executor.execute(() -> source.retrieve(model, identifier, priority));
        } catch (RejectedExecutionException e) {
            association.association().abort(AAbort.byUser(), exchangeId + ": no thread for the C-GET");
            association.close();
            throw new GatewayException(ProblemType.BACKEND_UNAVAILABLE, "backend '" + backend
                    + "': no thread is free to run the C-GET", e);
        }
        return source;
    }

    /** A C-GET whose instances are written into {@code folder} as {@code <SOP Instance UID>.dcm}. */
    RetrieveResult getInto(String exchangeId, String model, Attributes identifier, Priority priority, Path folder) {
        ScuConnector.Connection connection = connector.open(exchangeId, DimseOperation.GET, RetrieveProposal.of(model));
        try (ScuAssociation association = connection.association()) {
            return association.get(model, identifier, priority, new DirectoryStorage(folder), RetrieveScu.Listener.NONE);
        } catch (DimseException e) {
            throw DimseStatusMapping.refused(backend, DimseOperation.GET, e);
        } catch (IOException e) {
            throw DimseStatusMapping.lost(backend, DimseOperation.GET, e);
        }
    }

    RetrieveResult move(String exchangeId, String model, Attributes identifier, String destination, Priority priority) {
        Proposal proposal = new Proposal().add(model, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
        ScuConnector.Connection connection = connector.open(exchangeId, DimseOperation.MOVE, proposal);
        try (ScuAssociation association = connection.association()) {
            return association.move(model, identifier, destination, priority, RetrieveScu.Listener.NONE);
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
            ScuConnector.Connection connection = connector.open(exchangeId, DimseOperation.STORE, proposal);
            try (ScuAssociation association = connection.association()) {
                return new Stored(instance, association.store(instance.sopClassUid(), instance.sopInstanceUid(),
                        instance.transferSyntaxUid(), instance.dataSet(), priority));
            }
        } catch (DimseException e) {
            throw DimseStatusMapping.refused(backend, DimseOperation.STORE, e);
        } catch (IOException e) {
            throw DimseStatusMapping.lost(backend, DimseOperation.STORE, e);
        }
    }
}
