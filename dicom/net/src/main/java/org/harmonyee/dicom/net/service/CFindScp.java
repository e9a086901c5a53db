package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;

import java.io.IOException;

/**
 * The Query/Retrieve C-FIND SCP handler (PS3.4 C.4.1), run on an Executor thread, not the reader:
 * it sends each match to {@code matches} as it is found, and stops when that returns false (the
 * SCU sent C-CANCEL; the router then answers FE00). Returning normally answers Success.
 */
@FunctionalInterface
public interface CFindScp {

    /**
     * @throws DimseException to answer with its status (A700, A900 identifier does not match SOP
     *                        class, C000 unable to process...) and ErrorComment
     */
    void find(ScpContext context, Attributes identifier, Matches matches) throws DimseException, IOException;

    /** Where a C-FIND handler sends its matches. */
    @FunctionalInterface
    interface Matches {

        /** Sends one pending response (FF00) with the match; false once the SCU has cancelled. */
        boolean send(Attributes match) throws IOException;
    }
}
