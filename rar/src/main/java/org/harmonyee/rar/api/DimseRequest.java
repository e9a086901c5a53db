package org.harmonyee.rar.api;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One DIMSE request as the listener receives it. Valid only during
 * {@link DicomMessageListener#onRequest}: the identifier is read, the C-STORE data set is being
 * received, and neither may be kept for later.
 */
public interface DimseRequest {

    DimseOperation operation();

    /** Affected SOP Class UID (0000,0002): Verification, a storage SOP class, or the Q/R information model. */
    String affectedSopClassUid();

    /** Message ID (0000,0110). */
    int messageId();

    DimsePriority priority();

    String callingAETitle();

    String calledAETitle();

    /** The association's log name, {@code CALLING->CALLED(n)}: every log line about the request starts with it. */
    String associationName();

    /** The network whose {@code .dicom} listener received the association. */
    String network();

    InetSocketAddress remoteAddress();

    /** C-MOVE: Move Destination (0000,0600), the AE title the instances go to; empty otherwise. */
    Optional<String> moveDestination();

    /**
     * C-FIND, C-GET, C-MOVE: the identifier as a PS3.18 DICOM JSON object (binary values inline,
     * Specific Character Set decoded), at most 4 MiB as received; empty for C-ECHO and C-STORE.
     */
    Optional<String> identifierJson();

    /** C-STORE: Affected SOP Instance UID (0000,1000). */
    Optional<String> affectedSopInstanceUid();

    /** C-STORE: the transfer syntax the data set is encoded in (the presentation context's). */
    Optional<String> transferSyntaxUid();

    /**
     * C-STORE: the data set (no File Meta Information) in {@link #transferSyntaxUid()}, streamed from
     * the network as it arrives: read it to its end, or leave it (the adapter skips the rest); never
     * buffer it whole. Closing it does not close the association.
     *
     * @throws IllegalStateException for any other operation
     */
    InputStream dataSet();
}
