package org.harmonyee.rar.inbound;

import jakarta.resource.ResourceException;
import org.harmonyee.dicom.net.association.AssociationPolicy;
import org.harmonyee.dicom.net.pdu.AAssociateAC;
import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The acceptor's {@link AssociationPolicy} for one listener: asks the message endpoint whether to
 * accept, and turns its {@link AssociationDecision} into the A-ASSOCIATE-RJ the requestor reads. An
 * endpoint that cannot be had (the bean is undeploying) rejects transiently.
 */
final class EndpointPolicy implements AssociationPolicy {

    private static final System.Logger LOG = System.getLogger(EndpointPolicy.class.getName());

    private final String network;
    private final String listenerAETitle;
    private final boolean tls;
    private final EndpointDelivery delivery;

    EndpointPolicy(String network, String listenerAETitle, boolean tls, EndpointDelivery delivery) {
        this.network = network;
        this.listenerAETitle = listenerAETitle;
        this.tls = tls;
        this.delivery = delivery;
    }

    @Override
    public Verdict check(String name, AAssociateRQ rq, AAssociateAC ac, InetSocketAddress peer) {
        AssociationRequest request = new AssociationRequest(network, name, rq.callingAETitle(), rq.calledAETitle(),
                listenerAETitle, peer, tls, contexts(rq, ac));
        AssociationDecision decision;
        try {
            decision = delivery.onAssociation(request);
        } catch (ResourceException e) {
            LOG.log(Level.WARNING, () -> name + ": no message endpoint to decide: " + e.getMessage());
            return Verdict.reject(reject(AssociationDecision.Rejection.TEMPORARY_CONGESTION), "no message endpoint");
        }
        if (decision == null || decision.accepted()) {
            return Verdict.ACCEPT;
        }
        return Verdict.reject(reject(decision.rejection()), decision.detail());
    }

    private static List<AssociationRequest.PresentationContext> contexts(AAssociateRQ rq, AAssociateAC ac) {
        return rq.presentationContexts().stream().map(proposed -> {
            PresentationContext answer = ac.presentationContext(proposed.id());
            String accepted = answer != null && answer.isAccepted() ? answer.transferSyntax() : null;
            return new AssociationRequest.PresentationContext(proposed.abstractSyntax(), accepted);
        }).toList();
    }

    static AAssociateRJ reject(AssociationDecision.Rejection rejection) {
        return switch (rejection) {
            case CALLED_AE_TITLE_NOT_RECOGNIZED -> permanent(AAssociateRJ.CALLED_AE_TITLE_NOT_RECOGNIZED);
            case CALLING_AE_TITLE_NOT_RECOGNIZED -> permanent(AAssociateRJ.CALLING_AE_TITLE_NOT_RECOGNIZED);
            case NO_REASON_GIVEN -> permanent(AAssociateRJ.NO_REASON_GIVEN);
            case TEMPORARY_CONGESTION -> new AAssociateRJ(AAssociateRJ.REJECTED_TRANSIENT,
                    AAssociateRJ.SOURCE_SERVICE_PROVIDER_PRESENTATION, AAssociateRJ.TEMPORARY_CONGESTION);
        };
    }

    private static AAssociateRJ permanent(int reason) {
        return new AAssociateRJ(AAssociateRJ.REJECTED_PERMANENT, AAssociateRJ.SOURCE_SERVICE_USER, reason);
    }
}
