package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.UserIdentity;

import java.util.Map;

/**
 * The acceptor's hook for User Identity Negotiation (PS3.7 D.3.3.7): given the User Identity
 * sub-item of an A-ASSOCIATE-RQ (its type: username, username and passcode, Kerberos service ticket,
 * SAML assertion or JWT; its primary and secondary fields; whether a positive response is
 * requested) and the calling and called AE titles, it says whether the requestor may associate.
 * <p>
 * Called on the connection's thread during negotiation, after the application context and the AE
 * titles were accepted and before any presentation context is answered, once per A-ASSOCIATE-RQ
 * that carries the sub-item; never for one without it (see {@link AcceptorConfig#userIdentityRequired()}).
 * It must answer within ARTIM: the requestor waits for the A-ASSOCIATE-AC or -RJ. An accept with a
 * positive response requested puts the verdict's server response (zero-length when it has none, as
 * PS3.7 D.3.3.7.2 prescribes for usernames and passcodes) into the A-ASSOCIATE-AC; when none was
 * requested nothing is sent back. A reject, and a RuntimeException (logged with its trace), become an
 * A-ASSOCIATE-RJ: see {@link Negotiator}. The fields are secrets: never log them.
 */
@FunctionalInterface
public interface UserIdentityVerifier {

    Verdict verify(UserIdentity identity, String callingAETitle, String calledAETitle);

    /** Accept (with the server response to return when a positive response was requested) or reject. */
    record Verdict(boolean accepted, byte[] serverResponse) {

        private static final Verdict REJECT = new Verdict(false, null);

        public Verdict {
            serverResponse = serverResponse == null ? null : serverResponse.clone();
        }

        /** Accepted; a positive response, if requested, is zero-length. */
        public static Verdict accept() {
            return new Verdict(true, null);
        }

        /** Accepted; {@code serverResponse} (a Kerberos server ticket, a SAML response) goes back if requested. */
        public static Verdict accept(byte[] serverResponse) {
            return new Verdict(true, serverResponse);
        }

        public static Verdict reject() {
            return REJECT;
        }

        @Override
        public byte[] serverResponse() {
            return serverResponse == null ? null : serverResponse.clone();
        }

        @Override
        public String toString() {
            return accepted ? "accepted" : "rejected";
        }
    }

    /**
     * Accepts a username and passcode (type 2) found in {@code passcodes} (username to passcode,
     * both UTF-8 as PS3.7 D.3.3.7.1 encodes them), compared in constant time; rejects every other
     * type, a username alone included, since it proves nothing.
     */
    static UserIdentityVerifier passcodes(Map<String, String> passcodes) {
        return new PasscodeTable(passcodes);
    }
}
