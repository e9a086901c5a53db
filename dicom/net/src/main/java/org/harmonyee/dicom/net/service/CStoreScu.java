package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Storage SCU (PS3.4 B): sends one instance per C-STORE-RQ, its data set streamed from a file or a
 * stream in 64 KiB pieces, never held whole. The data set is sent as encoded: the association must
 * have accepted its SOP class with its transfer syntax.
 */
public final class CStoreScu {

    private CStoreScu() {
    }

    /** Stores a PS3.10 file; the File Meta Information is not sent, the data set after it is, byte for byte. */
    public static int store(Association association, Path file, Priority priority) throws IOException, DimseException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            FileMetaInformation.Header header = FileMetaInformation.read(in);
            return store(association, header.sopClassUid(), header.sopInstanceUid(), header.transferSyntax(), in, priority);
        }
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
        PresentationContext context = association.acceptedContext(sopClassUid, transferSyntax);
        if (context == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no context accepted for " + sopClassUid + " in "
                    + transferSyntax);
        }
        Command request = Command.cStoreRQ(association.nextMessageId(), sopClassUid, sopInstanceUid, priority);
        FinalResponse response = new FinalResponse();
        association.invoke(context.id(), request, out -> dataSet.transferTo(out), response);
        Command answer = response.await();
        if (Status.isFailure(answer.status())) {
            throw new DimseException(answer.status(), answer.errorComment());
        }
        return answer.status();
    }
}
