package org.harmonyee.rar.api;

/**
 * The message listener of the DICOM resource adapter: a message-driven bean implementing it serves
 * every {@code [network.NAME.dicom]} listener of the gateway's configuration.
 * <p>
 * Each call comes through its own message endpoint, on a thread of the server's WorkManager, and may
 * run concurrently with calls for other associations and, for C-FIND, C-GET and C-MOVE, with the
 * association's C-CANCEL. A RuntimeException thrown by either method is logged by the adapter (with
 * its trace, under the association's name) and answered for the caller: an association is rejected
 * transiently, a request gets status 0110 (Processing failure). Neither method is ever called with
 * null.
 */
public interface DicomMessageListener {

    /**
     * Decides whether an association the adapter would accept (application context, presentation
     * contexts, the listener's association limit) is accepted: called once per A-ASSOCIATE-RQ,
     * before the A-ASSOCIATE-AC is sent. It must answer within the listener's {@code acse_timeout_ms},
     * as the requestor waits.
     *
     * @return {@link AssociationDecision#accept()}, or a rejection whose reason goes into the
     *         A-ASSOCIATE-RJ and whose detail goes to the log
     */
    AssociationDecision onAssociation(AssociationRequest request);

    /**
     * Serves one DIMSE request (C-ECHO, C-STORE, C-FIND, C-GET or C-MOVE) of an accepted association.
     * The listener must end it with exactly one {@link DimseResponder#complete} before returning;
     * pending responses and C-GET sub-operations go through the responder before that. Returning
     * without a final status answers 0110 (Processing failure) and is logged as a defect.
     * <p>
     * C-ECHO and C-STORE are called on the association's reader thread: for C-STORE the data set
     * arrives through {@link DimseRequest#dataSet()} as it is received, and nothing else of the
     * association happens until this returns. C-FIND, C-GET and C-MOVE run on a thread of their own,
     * so that the association can receive C-CANCEL and sub-operation responses meanwhile.
     */
    void onRequest(DimseRequest request, DimseResponder responder);
}
