package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.DataWriter;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Storage SCU (PS3.4 B): sends one instance per C-STORE-RQ, its data set streamed from a file or a
 * stream in 64 KiB pieces, never held whole.
 */
public final class CStoreScu {

    private CStoreScu() {
    }

    /**
     * Stores a PS3.10 file: its data set byte for byte in a context with its own transfer syntax,
     * else converted to a native syntax the peer accepted (a compressed one cannot be converted).
     */
    public static int store(Association association, Path file, Priority priority) throws IOException, DimseException {
        return store(association, file, priority, null);
    }

    /** As {@link #store(Association, Path, Priority)}, as a C-MOVE sub-operation when {@code moveOriginator} is set. */
    static int store(Association association, Path file, Priority priority, MoveOriginator moveOriginator)
            throws IOException, DimseException {
        FileMetaInformation meta = FileMetaInformation.read(file);
        PresentationContext context = InstanceWriter.context(association, meta);
        if (context == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no context accepted for "
                    + meta.mediaStorageSopClassUid() + " in " + meta.transferSyntaxUid() + " or a native syntax");
        }
        Command request = Command.cStoreRQ(association.nextMessageId(), meta.mediaStorageSopClassUid(),
                meta.mediaStorageSopInstanceUid(), priority);
        originate(request, moveOriginator);
        return send(association, context, request, InstanceWriter.writer(file, meta, context.transferSyntax()));
    }

    private static void originate(Command request, MoveOriginator moveOriginator) {
        if (moveOriginator != null) {
            request.setString(Tag.MoveOriginatorApplicationEntityTitle, VR.AE, moveOriginator.aeTitle());
            request.setInt(Tag.MoveOriginatorMessageID, moveOriginator.messageId());
        }
    }

    /** The AE title and message id of the C-MOVE a sub-operation belongs to. */
    public record MoveOriginator(String aeTitle, int messageId) {
    }

    /**
     * Stores a data set read from {@code dataSet} (encoded in {@code transferSyntax}, without File
     * Meta Information) to its end.
     *
     * @return the status, 0000 or a warning
     * @throws DimseException the peer's failure status, or 0122 when no context fits
     */
    public static int store(Association association, String sopClassUid, String sopInstanceUid, String transferSyntax,
                            InputStream dataSet, Priority priority) throws IOException, DimseException {
        return store(association, sopClassUid, sopInstanceUid, transferSyntax, dataSet, priority, null);
    }

    /**
     * As {@link #store(Association, String, String, String, InputStream, Priority)}, as a C-MOVE
     * sub-operation when {@code moveOriginator} is set.
     */
    public static int store(Association association, String sopClassUid, String sopInstanceUid, String transferSyntax,
                            InputStream dataSet, Priority priority, MoveOriginator moveOriginator)
            throws IOException, DimseException {
        PresentationContext context = association.acceptedContext(sopClassUid, transferSyntax);
        if (context == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no context accepted for " + sopClassUid + " in "
                    + transferSyntax);
        }
        Command request = Command.cStoreRQ(association.nextMessageId(), sopClassUid, sopInstanceUid, priority);
        originate(request, moveOriginator);
        return send(association, context, request, dataSet::transferTo);
    }

    private static int send(Association association, PresentationContext context, Command request, DataWriter dataSet)
            throws IOException, DimseException {
        FinalResponse response = new FinalResponse();
        association.invoke(context.id(), request, dataSet, response);
        Command answer = response.await();
        if (Status.isFailure(answer.status())) {
            throw new DimseException(answer.status(), answer.errorComment());
        }
        return answer.status();
    }
}
