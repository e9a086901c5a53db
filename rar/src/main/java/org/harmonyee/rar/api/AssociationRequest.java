package org.harmonyee.rar.api;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * An A-ASSOCIATE-RQ the adapter would accept, for {@link DicomMessageListener#onAssociation}.
 *
 * @param network           the configuration's network whose {@code .dicom} listener received it
 * @param associationName   the association's log name, {@code CALLING->CALLED(n)}: every log line about
 *                          it starts with this
 * @param callingAETitle    the requestor's AE title
 * @param calledAETitle     the AE title the requestor called
 * @param listenerAETitle   the listener's configured {@code aet}, its default called AE title
 * @param remoteAddress     the requestor's address and port
 * @param tls               whether the association runs over TLS
 * @param contexts          the proposed presentation contexts, as the negotiation would answer them
 */
public record AssociationRequest(String network, String associationName, String callingAETitle,
                                 String calledAETitle, String listenerAETitle, InetSocketAddress remoteAddress,
                                 boolean tls, List<PresentationContext> contexts) {

    public AssociationRequest {
        contexts = List.copyOf(contexts);
    }

    /**
     * One proposed presentation context and the negotiation's answer to it.
     *
     * @param abstractSyntax the SOP class UID proposed
     * @param transferSyntax the transfer syntax accepted, or null when the context is refused
     */
    public record PresentationContext(String abstractSyntax, String transferSyntax) {

        public boolean accepted() {
            return transferSyntax != null;
        }
    }
}
