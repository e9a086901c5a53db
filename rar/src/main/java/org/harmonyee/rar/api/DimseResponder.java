package org.harmonyee.rar.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * How the listener answers one {@link DimseRequest}: pending responses, sub-operations on the
 * caller's association, and exactly one final status. Every method may be called only during
 * {@link DicomMessageListener#onRequest}, from the thread that received the request. An
 * {@link IOException} means the association is gone (aborted, released, timed out): nothing more
 * can be sent, and the listener should stop and return.
 */
public interface DimseResponder {

    /**
     * C-FIND, C-GET, C-MOVE: whether the caller sent C-CANCEL. A listener checks it between matches
     * or sub-operations and then completes with {@link DimseStatus#CANCEL}.
     */
    boolean isCancelled();

    /**
     * C-FIND: sends one match as a pending response (FF00).
     *
     * @param matchJson a PS3.18 DICOM JSON object with the requested return keys
     * @return false, and nothing sent, once the caller has cancelled
     * @throws IllegalStateException    for another operation, or after the final status
     * @throws IllegalArgumentException when {@code matchJson} is not a DICOM JSON object
     */
    boolean sendMatch(String matchJson) throws IOException;

    /**
     * C-GET, C-MOVE: sends a pending response (FF00) with the sub-operation counters.
     *
     * @throws IllegalStateException for another operation, or after the final status
     */
    void sendProgress(SubOperations counters) throws IOException;

    /**
     * C-GET: performs one C-STORE sub-operation on the caller's association, which must have
     * accepted a presentation context for the SOP class in the given transfer syntax and taken the
     * SCP role for it (SCP/SCU Role Selection).
     *
     * @param dataSet the data set (no File Meta Information) in {@code transferSyntaxUid}, streamed
     *                to the caller, read to its end; the caller of this method closes it
     * @return the sub-operation's status: 0000, a warning (Bxxx), or the failure the caller
     *         answered; 0122 (SOP class not supported) when no context fits, nothing sent
     * @throws IllegalStateException for another operation, or after the final status
     */
    int store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataSet)
            throws IOException;

    /**
     * Sends the final response; exactly once, last. For C-FIND a failure's ErrorComment reaches the
     * caller; for C-GET and C-MOVE the status carries the final counters.
     *
     * @throws IllegalStateException when a final status was already sent
     */
    void complete(DimseStatus status) throws IOException;
}
