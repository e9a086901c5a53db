package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.dimse.Command;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the responses to one request this side sent, on the association's reader thread: every
 * pending response, then the final one. Exactly one of {@link #onFinal} or {@link #onFailure} ends it.
 */
public interface ResponseHandler {

    /** A pending response (status FF00/FF01), with its data set or null; it must be consumed before returning. */
    void onPending(Command response, InputStream dataSet) throws IOException;

    /** The final response, with its data set or null. */
    void onFinal(Command response, InputStream dataSet) throws IOException;

    /** The association ended (abort, close, timeout) before the final response. */
    void onFailure(IOException cause);
}
