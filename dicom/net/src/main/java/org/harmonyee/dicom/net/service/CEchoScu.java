package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.uid.UID;

import java.io.IOException;

/** Verification SCU (PS3.4 A): one C-ECHO-RQ, its C-ECHO-RSP. */
public final class CEchoScu {

    private CEchoScu() {
    }

    /**
     * @return the status (0000)
     * @throws DimseException when the peer answered a failure
     */
    public static int echo(Association association) throws IOException, DimseException {
        PresentationContext context = association.acceptedContext(UID.Verification, null);
        if (context == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, association.name()
                    + ": the peer did not accept Verification");
        }
        Command request = Command.cEchoRQ(association.nextMessageId(), UID.Verification);
        FinalResponse response = new FinalResponse();
        association.invoke(context.id(), request, null, response);
        Command answer = response.await();
        if (Status.isFailure(answer.status())) {
            throw new DimseException(answer.status(), answer.errorComment());
        }
        return answer.status();
    }
}
