package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.UserIdentity;

import java.lang.System.Logger.Level;

/**
 * The User Identity step of {@link Negotiator} (PS3.7 D.3.3.7). Without a configured
 * {@link UserIdentityVerifier} every request passes and no response is sent, as for an acceptor
 * that does not support the negotiation. With one, a request without the sub-item passes unless
 * the identity is required, and a request with it passes only if the verifier accepts it.
 * <p>
 * A refused identity is an A-ASSOCIATE-RJ rejected-permanent from the DICOM UL service-provider
 * (ACSE related function), no-reason-given: PS3.7 D.3.3.7 says an association rejected for an
 * authorization failure is indicated by a permanent rejection with that source, and PS3.8 9.3.4
 * defines no reason for identities: for that source only no-reason-given (1) and
 * protocol-version-not-supported (2) exist, and the service-user reasons are about the
 * application context and AE titles. A verifier that fails (a RuntimeException: its directory is
 * down) rejects the same way but transient, since the requestor may succeed later.
 */
final class UserIdentityCheck {

    /** Either a rejection with its reason for the log, or the server response for the AC (null: none). */
    record Result(AAssociateRJ reject, String reason, byte[] serverResponse) {
    }

    private static final Result PASS = new Result(null, null, null);

    private UserIdentityCheck() {
    }

    static Result verify(AAssociateRQ rq, AcceptorConfig config) {
        UserIdentityVerifier verifier = config.userIdentityVerifier();
        UserIdentity identity = rq.userIdentity();
        if (verifier == null) {
            return PASS;
        }
        if (identity == null) {
            return config.userIdentityRequired() ? reject(AAssociateRJ.REJECTED_PERMANENT, "no user identity") : PASS;
        }
        UserIdentityVerifier.Verdict verdict;
        try {
            verdict = verifier.verify(identity, rq.callingAETitle(), rq.calledAETitle());
        } catch (RuntimeException e) {
            Association.LOG.log(Level.ERROR, rq.callingAETitle() + "->" + rq.calledAETitle()
                    + ": the user identity verifier failed", e);
            return reject(AAssociateRJ.REJECTED_TRANSIENT, "the user identity verifier failed: " + e);
        }
        if (verdict == null || !verdict.accepted()) {
            return reject(AAssociateRJ.REJECTED_PERMANENT, "user identity of type " + identity.type() + " not accepted");
        }
        if (!identity.positiveResponseRequested()) {
            return PASS;
        }
        byte[] response = verdict.serverResponse();
        return new Result(null, null, response == null ? new byte[0] : response);
    }

    private static Result reject(int result, String reason) {
        return new Result(new AAssociateRJ(result, AAssociateRJ.SOURCE_SERVICE_PROVIDER_ACSE, AAssociateRJ.NO_REASON_GIVEN),
                reason, null);
    }
}
