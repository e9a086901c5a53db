package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.RoleSelection;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One C-GET or C-MOVE on the SCP side: the handler selects the files, then each is a C-STORE
 * sub-operation (C-GET: on the requesting association, which must have accepted the SCP role;
 * C-MOVE: on an association to the destination resolved by the {@link AeTable}), with a pending
 * response carrying the counters after each one and the final status from them (PS3.4 C.4.2.3, C.4.3.3).
 */
final class RetrieveOperation extends QueryRetrieveOperation {

    private static final System.Logger LOG = DimseServiceRouter.LOG;

    private final Attributes identifier;
    private final RetrieveScp handler;
    private final DicomClient moveClient;
    private final AeTable destinations;
    private final List<String> failedInstances = new ArrayList<>();
    private int completed;
    private int failed;
    private int warning;

    RetrieveOperation(ScpContext context, Attributes identifier, RetrieveScp handler, DicomClient moveClient,
                      AeTable destinations) {
        super(context);
        this.identifier = identifier;
        this.handler = handler;
        this.moveClient = moveClient;
        this.destinations = destinations;
    }

    @Override
    void run() {
        ScpContext context = context();
        try {
            List<Path> files = handler.retrieve(context, identifier);
            if (context.request().commandField() == CommandField.C_GET_RQ) {
                storeAll(context.association(), files, null);
            } else {
                move(files);
            }
            sendFinal(files.size());
        } catch (DimseException e) {
            QueryRetrieveScp.sendFinal(context, e.status(), e.errorComment(), null);
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> context + ": " + context.request() + " ended: " + e.getMessage());
        } catch (RuntimeException e) {
            DimseException failure = QueryRetrieveScp.unexpected(context, e);
            QueryRetrieveScp.sendFinal(context, failure.status(), failure.errorComment(), null);
        }
    }

    private void move(List<Path> files) throws DimseException, IOException {
        ScpContext context = context();
        String destination = context.request().getString(Tag.MoveDestination);
        RemoteAE remote = destinations.lookup(destination).orElseThrow(() ->
                new DimseException(Status.MOVE_DESTINATION_UNKNOWN, "move destination unknown: " + destination));
        if (files.isEmpty()) {
            return;
        }
        ScuAssociation sub;
        try {
            sub = moveClient.open(remote, Proposal.storage(files).withNativeFallbacks());
        } catch (IOException e) {
            throw new DimseException(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, "cannot reach " + destination + ": "
                    + e.getMessage(), e);
        }
        try (sub) {
            LOG.log(Level.INFO, () -> context + ": C-MOVE " + files.size() + " instances -> " + sub.association().name());
            storeAll(sub.association(), files, new CStoreScu.MoveOriginator(context.callingAETitle(),
                    context.request().messageId()));
        }
    }

    /** The sub-operations; an IOException of the requesting association ends the operation. */
    private void storeAll(Association target, List<Path> files, CStoreScu.MoveOriginator originator) throws IOException {
        Association requesting = context().association();
        for (int i = 0; i < files.size() && !isCancelled(); i++) {
            Path file = files.get(i);
            try {
                if (target == requesting) {
                    checkScpRole(file);
                }
                int status = CStoreScu.store(target, file, Priority.MEDIUM, originator);
                if (Status.isWarning(status)) {
                    warning++;
                } else {
                    completed++;
                }
            } catch (DimseException e) {
                failed++;
                failedInstances.add(instanceUid(file));
                LOG.log(Level.INFO, () -> context() + ": sub-operation for " + file.getFileName() + " failed: " + e.getMessage());
            } catch (IOException e) {
                if (target == requesting) {
                    throw e;
                }
                failed += files.size() - i;
                LOG.log(Level.INFO, () -> context() + ": the destination association failed: " + e.getMessage());
                return;
            }
            if (i + 1 < files.size()) {
                sendPending(files.size() - i - 1);
            }
        }
    }

    /** C-GET sends only SOP classes for which the requestor took the SCP role (PS3.4 C.4.3.1.1). */
    private void checkScpRole(Path file) throws IOException, DimseException {
        String sopClass = FileMetaInformation.read(file).mediaStorageSopClassUid();
        RoleSelection role = context().association().associateAC().roleSelection(sopClass);
        if (role == null || !role.scpRole()) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "the requestor did not take the SCP role for " + sopClass);
        }
    }

    private static String instanceUid(Path file) {
        try {
            return FileMetaInformation.read(file).mediaStorageSopInstanceUid();
        } catch (IOException e) {
            return file.getFileName().toString();
        }
    }

    private void sendPending(int remaining) throws IOException {
        ScpContext context = context();
        Command pending = Command.response(context.request(), Status.PENDING);
        new SubOperations(remaining, completed, failed, warning).into(pending);
        context.association().send(context.presentationContext().id(), pending, null);
    }

    private void sendFinal(int total) throws IOException {
        ScpContext context = context();
        int remaining = total - completed - failed - warning;
        int status = isCancelled() && remaining > 0 ? Status.CANCEL
                : failed > 0 && completed == 0 && warning == 0 ? Status.OUT_OF_RESOURCES_SUB_OPERATIONS
                : new SubOperations(0, completed, failed, warning).finalStatus(false);
        Command response = Command.response(context.request(), status);
        new SubOperations(remaining, completed, failed, warning).into(response);
        if (status == Status.CANCEL) {
            response.setInt(Tag.NumberOfRemainingSuboperations, remaining);
        }
        Attributes failures = null;
        if (!failedInstances.isEmpty()) {
            failures = new Attributes();
            failures.setString(Tag.FailedSOPInstanceUIDList, VR.UI, failedInstances.toArray(String[]::new));
        }
        context.association().send(context.presentationContext().id(), response,
                failures == null ? null : DataSets.writer(failures, context.transferSyntax()));
        LOG.log(Level.INFO, () -> context + ": " + context.request() + " -> " + Status.toString(status) + " (completed "
                + completed + ", failed " + failed + ", warning " + warning + ")");
    }
}
