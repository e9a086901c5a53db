package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.Status;

/** The sub-operation counters of C-GET and C-MOVE responses (PS3.4 C.4.2.1.5, C.4.3.1.4); -1 when absent. */
public record SubOperations(int remaining, int completed, int failed, int warning) {

    static SubOperations of(Command response) {
        return new SubOperations(response.getInt(Tag.NumberOfRemainingSuboperations, -1),
                response.getInt(Tag.NumberOfCompletedSuboperations, -1),
                response.getInt(Tag.NumberOfFailedSuboperations, -1),
                response.getInt(Tag.NumberOfWarningSuboperations, -1));
    }

    /** The counters into a response (the final one leaves Remaining out, as PS3.4 asks). */
    void into(Command response) {
        if (Status.isPending(response.status())) {
            response.setInt(Tag.NumberOfRemainingSuboperations, remaining);
        }
        response.setInt(Tag.NumberOfCompletedSuboperations, completed);
        response.setInt(Tag.NumberOfFailedSuboperations, failed);
        response.setInt(Tag.NumberOfWarningSuboperations, warning);
    }

    /** The final status these counters call for (PS3.4 C.4.2.3.1): B000 when some failed or warned. */
    int finalStatus(boolean cancelled) {
        if (cancelled) {
            return Status.CANCEL;
        }
        return failed > 0 || warning > 0 ? Status.WARNING : Status.SUCCESS;
    }
}
