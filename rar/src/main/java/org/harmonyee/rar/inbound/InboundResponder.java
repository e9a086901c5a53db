package org.harmonyee.rar.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.json.DicomJsonReader;
import org.harmonyee.dicom.net.association.DataWriter;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.RoleSelection;
import org.harmonyee.dicom.net.service.CFindScp;
import org.harmonyee.dicom.net.service.CStoreScu;
import org.harmonyee.dicom.net.service.ScpContext;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.rar.api.DimseOperation;
import org.harmonyee.rar.api.DimseResponder;
import org.harmonyee.rar.api.DimseStatus;
import org.harmonyee.rar.api.SubOperations;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The responder of one request. C-ECHO, C-STORE and C-FIND keep their final status for the
 * toolkit's router, which writes the response when the handler returns ({@link #finalStatus()});
 * C-GET and C-MOVE, which the adapter runs itself, send it at once. Pending C-FIND matches go
 * through the toolkit's {@link CFindScp.Matches}; progress and C-GET sub-operations straight onto
 * the association.
 */
final class InboundResponder implements DimseResponder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScpContext context;
    private final DimseOperation operation;
    private final CFindScp.Matches matches;
    private final AtomicBoolean cancelled;
    private DimseStatus finalStatus;

    /**
     * @param matches   C-FIND: where matches go; else null
     * @param cancelled set when the caller sends C-CANCEL for this request
     */
    InboundResponder(ScpContext context, DimseOperation operation, CFindScp.Matches matches, AtomicBoolean cancelled) {
        this.context = context;
        this.operation = operation;
        this.matches = matches;
        this.cancelled = cancelled;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean sendMatch(String matchJson) throws IOException {
        require(DimseOperation.C_FIND);
        if (isCancelled()) {
            return false;
        }
        return matches.send(attributes(matchJson));
    }

    @Override
    public void sendProgress(SubOperations counters) throws IOException {
        require(DimseOperation.C_GET, DimseOperation.C_MOVE);
        Command pending = Command.response(context.request(), Status.PENDING);
        pending.setInt(Tag.NumberOfRemainingSuboperations, counters.remaining());
        counts(pending, counters);
        context.association().send(context.presentationContext().id(), pending, null);
    }

    @Override
    public int store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataSet)
            throws IOException {
        require(DimseOperation.C_GET);
        RoleSelection role = context.association().associateAC().roleSelection(sopClassUid);
        if (role == null || !role.scpRole()) {
            return Status.SOP_CLASS_NOT_SUPPORTED;
        }
        try {
            return CStoreScu.store(context.association(), sopClassUid, sopInstanceUid, transferSyntaxUid, dataSet,
                    Priority.MEDIUM);
        } catch (DimseException e) {
            return e.status();
        }
    }

    @Override
    public void complete(DimseStatus status) throws IOException {
        if (finalStatus != null) {
            throw new IllegalStateException(context + ": " + operation + " was already completed with " + finalStatus);
        }
        finalStatus = status;
        if (operation == DimseOperation.C_GET || operation == DimseOperation.C_MOVE) {
            sendFinal(status);
        }
    }

    /** The final status the listener gave, or null when it gave none. */
    DimseStatus finalStatus() {
        return finalStatus;
    }

    /** C-GET and C-MOVE: the final response with its counters and the list of failed instances. */
    void sendFinal(DimseStatus status) throws IOException {
        Command response = Command.response(context.request(), status.code()).errorComment(status.errorComment());
        if (status.subOperations() != null) {
            if (status.code() == Status.CANCEL) {
                response.setInt(Tag.NumberOfRemainingSuboperations, status.subOperations().remaining());
            }
            counts(response, status.subOperations());
        }
        DataWriter failures = null;
        if (!status.failedSopInstanceUids().isEmpty()) {
            Attributes list = new Attributes();
            list.setString(Tag.FailedSOPInstanceUIDList, VR.UI, status.failedSopInstanceUids().toArray(String[]::new));
            TransferSyntax syntax = TransferSyntax.of(context.transferSyntax());
            failures = out -> new DicomOutputStream(out).writeDataset(list, syntax);
        }
        context.association().send(context.presentationContext().id(), response, failures);
    }

    private static void counts(Command command, SubOperations counters) {
        command.setInt(Tag.NumberOfCompletedSuboperations, counters.completed());
        command.setInt(Tag.NumberOfFailedSuboperations, counters.failed());
        command.setInt(Tag.NumberOfWarningSuboperations, counters.warning());
    }

    private static Attributes attributes(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException("a match must be a DICOM JSON object");
            }
            return DicomJsonReader.inlineOnly().read(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a match is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void require(DimseOperation... allowed) {
        if (finalStatus != null) {
            throw new IllegalStateException(context + ": " + operation + " was already completed");
        }
        for (DimseOperation candidate : allowed) {
            if (candidate == operation) {
                return;
            }
        }
        throw new IllegalStateException(context + ": not allowed for " + operation);
    }
}
