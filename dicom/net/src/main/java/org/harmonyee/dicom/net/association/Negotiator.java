package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.AAssociate;
import org.harmonyee.dicom.net.pdu.AAssociateAC;
import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.net.pdu.RoleSelection;

/**
 * The acceptor's answer to an A-ASSOCIATE-RQ (PS3.8 7.1.1, PS3.7 D.3.3): rejects for the
 * application context, the called or the calling AE title, then for the user identity
 * ({@link UserIdentityCheck}); otherwise accepts each presentation context whose abstract syntax is
 * supported with the first proposed transfer syntax it accepts, answers each role selection for an
 * accepted SOP class with the proposed roles, answers a user identity that asked for a positive
 * response, and offers one outstanding operation each way. Pure apart from the configured
 * {@link UserIdentityVerifier}: no I/O of its own.
 */
public final class Negotiator {

    /**
     * The outcome: exactly one of {@code accept} or {@code reject} is non-null; {@code reason} says
     * why a rejection was made, for the log (null when the RJ says it all).
     */
    public record Outcome(AAssociateAC accept, AAssociateRJ reject, String reason) {

        public Outcome(AAssociateAC accept, AAssociateRJ reject) {
            this(accept, reject, null);
        }
    }

    private Negotiator() {
    }

    public static Outcome negotiate(AAssociateRQ rq, AcceptorConfig config) {
        if (!AAssociate.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return reject(AAssociateRJ.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
        }
        if (!config.calledAETitles().isEmpty() && !config.calledAETitles().contains(rq.calledAETitle())) {
            return reject(AAssociateRJ.CALLED_AE_TITLE_NOT_RECOGNIZED);
        }
        if (!config.callingAETitles().isEmpty() && !config.callingAETitles().contains(rq.callingAETitle())) {
            return reject(AAssociateRJ.CALLING_AE_TITLE_NOT_RECOGNIZED);
        }
        UserIdentityCheck.Result identity = UserIdentityCheck.verify(rq, config);
        if (identity.reject() != null) {
            return new Outcome(null, identity.reject(), identity.reason());
        }
        AAssociateAC ac = new AAssociateAC();
        ac.callingAETitle(rq.callingAETitle());
        ac.calledAETitle(rq.calledAETitle());
        ac.maxLength(config.settings().maxPduLength());
        ac.implementationClassUid(config.settings().implementationClassUid());
        ac.implementationVersionName(config.settings().implementationVersionName());
        ac.userIdentityServerResponse(identity.serverResponse());
        if (rq.hasAsyncOperationsWindow()) {
            ac.asyncOperationsWindow(1, 1);
        }
        for (PresentationContext proposed : rq.presentationContexts()) {
            ac.addPresentationContext(answer(proposed, config.capabilities()));
        }
        for (RoleSelection role : rq.roleSelections()) {
            if (config.capabilities().supports(role.sopClassUid())) {
                ac.addRoleSelection(role);
            }
        }
        return new Outcome(ac, null);
    }

    /** A transient rejection for the association limit (PS3.8 7.1.1.9: local-limit-exceeded). */
    public static AAssociateRJ limitExceeded() {
        return new AAssociateRJ(AAssociateRJ.REJECTED_TRANSIENT, AAssociateRJ.SOURCE_SERVICE_PROVIDER_PRESENTATION,
                AAssociateRJ.LOCAL_LIMIT_EXCEEDED);
    }

    private static PresentationContext answer(PresentationContext proposed, TransferCapabilities capabilities) {
        if (!capabilities.supports(proposed.abstractSyntax())) {
            return PresentationContext.refused(proposed.id(), PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        }
        for (String ts : proposed.transferSyntaxes()) {
            if (capabilities.transferSyntaxes(proposed.abstractSyntax()).contains(ts)) {
                return PresentationContext.accepted(proposed.id(), ts);
            }
        }
        return PresentationContext.refused(proposed.id(), PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }

    private static Outcome reject(int reason) {
        return new Outcome(null, new AAssociateRJ(AAssociateRJ.REJECTED_PERMANENT, AAssociateRJ.SOURCE_SERVICE_USER, reason));
    }
}
