package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.AAssociateAC;
import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;

import java.net.InetSocketAddress;

/**
 * The acceptor's last word on an association its own checks ({@link Negotiator}: application
 * context, configured AE titles, user identity, presentation contexts) would accept: an application
 * that decides per association whom it serves (a gateway that knows its called AE titles and its
 * callers only at run time) plugs in here, with {@link AssociationAcceptor#policy}.
 * <p>
 * Called once per A-ASSOCIATE-RQ on the connection's thread, before the A-ASSOCIATE-AC is sent; it
 * must answer within ARTIM, as the requestor waits. A RuntimeException rejects the association
 * transiently (rejected-transient, no-reason-given), logged with its trace.
 */
@FunctionalInterface
public interface AssociationPolicy {

    /** Accepts every association the negotiation accepted. */
    AssociationPolicy ACCEPT_ALL = (name, rq, ac, peer) -> Verdict.ACCEPT;

    /**
     * @param name the association's log name, {@code CALLING->CALLED(n)}
     * @param rq   what the requestor asked for
     * @param ac   what the negotiation would answer: the accepted and refused presentation contexts
     * @param peer the requestor's address
     */
    Verdict check(String name, AAssociateRQ rq, AAssociateAC ac, InetSocketAddress peer);

    /** Accept ({@code reject} null), or the A-ASSOCIATE-RJ to send and why, for the log. */
    record Verdict(AAssociateRJ reject, String reason) {

        public static final Verdict ACCEPT = new Verdict(null, null);

        public static Verdict reject(AAssociateRJ reject, String reason) {
            return new Verdict(reject, reason);
        }

        public boolean accepted() {
            return reject == null;
        }
    }
}
