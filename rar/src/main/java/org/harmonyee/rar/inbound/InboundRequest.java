package org.harmonyee.rar.inbound;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.rar.api.DimseOperation;
import org.harmonyee.rar.api.DimsePriority;
import org.harmonyee.rar.api.DimseRequest;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Optional;

/** A received DIMSE request as the listener sees it: the command's fields in JDK types. */
record InboundRequest(DimseOperation operation, String affectedSopClassUid, int messageId, DimsePriority priority,
                      String callingAETitle, String calledAETitle, String associationName, String network,
                      InetSocketAddress remoteAddress, Optional<String> moveDestination,
                      Optional<String> identifierJson, Optional<String> affectedSopInstanceUid,
                      Optional<String> transferSyntaxUid, InputStream storeDataSet) implements DimseRequest {

    /**
     * @param identifierJson the identifier of a C-FIND, C-GET or C-MOVE as DICOM JSON, else null
     * @param dataSet        the data set of a C-STORE, else null
     */
    static InboundRequest of(String network, Association association, PresentationContext context, Command command,
                             String identifierJson, InputStream dataSet) {
        DimseOperation operation = operation(command.commandField());
        boolean store = operation == DimseOperation.C_STORE;
        return new InboundRequest(operation, command.affectedSopClassUid(), command.messageId(),
                priority(command.getInt(Tag.Priority, 0)), association.remoteAETitle(), association.localAETitle(),
                association.name(), network, association.remoteAddress(),
                Optional.ofNullable(command.getString(Tag.MoveDestination)), Optional.ofNullable(identifierJson),
                store ? Optional.ofNullable(command.getString(Tag.AffectedSOPInstanceUID)) : Optional.empty(),
                store ? Optional.of(context.transferSyntax()) : Optional.empty(),
                dataSet == null ? null : new Unclosable(dataSet));
    }

    static DimseOperation operation(int commandField) {
        return switch (commandField) {
            case CommandField.C_ECHO_RQ -> DimseOperation.C_ECHO;
            case CommandField.C_STORE_RQ -> DimseOperation.C_STORE;
            case CommandField.C_FIND_RQ -> DimseOperation.C_FIND;
            case CommandField.C_GET_RQ -> DimseOperation.C_GET;
            case CommandField.C_MOVE_RQ -> DimseOperation.C_MOVE;
            default -> throw new IllegalArgumentException(CommandField.name(commandField) + " is no request a listener serves");
        };
    }

    private static DimsePriority priority(int code) {
        return switch (code) {
            case 1 -> DimsePriority.HIGH;
            case 2 -> DimsePriority.LOW;
            default -> DimsePriority.MEDIUM;
        };
    }

    @Override
    public InputStream dataSet() {
        if (storeDataSet == null) {
            throw new IllegalStateException(operation + " has no data set; only C-STORE does");
        }
        return storeDataSet;
    }

    @Override
    public String toString() {
        return associationName + ": " + operation + "[" + messageId + "] " + affectedSopClassUid;
    }

    /** The association's P-DATA stream: the reader drains what the listener leaves, a close must not end it. */
    private static final class Unclosable extends FilterInputStream {

        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the association's reader owns the stream
        }
    }
}
