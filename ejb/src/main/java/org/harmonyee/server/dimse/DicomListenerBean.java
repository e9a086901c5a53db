package org.harmonyee.server.dimse;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.rar.api.DicomMessageListener;
import org.harmonyee.rar.api.DimseOperation;
import org.harmonyee.rar.api.DimseRequest;
import org.harmonyee.rar.api.DimseResponder;
import org.harmonyee.rar.api.DimseStatus;

import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Receives every association and DIMSE request of the gateway's {@code [network.NAME.dicom]}
 * listeners from the resource adapter.
 * <p>
 * Associations: accepted when the called AE title is the listener's {@code aet}, rejected
 * called-AE-title-not-recognized otherwise (any calling AE title is accepted for now).
 * <p>
 * Requests: C-ECHO is answered Success here. Every other operation is answered C000 with the
 * ErrorComment "no pipeline serves C-FIND on this gateway yet": until the {@code dicom} endpoint
 * routes requests through PipelineService (the next step, which replaces {@link #notRouted}), the
 * gateway cannot process them. C000 is the honest failure: PS3.4 lists Cxxx as "Unable to process"
 * for C-FIND, C-GET and C-MOVE and "Cannot understand" for C-STORE; A700 would claim a lack of
 * resources, 0122 that the SOP class, which the association accepted, is unsupported, and 0211 that
 * the operation is unknown.
 * <p>
 * Bound to the adapter by server: Payara picks the one deployed adapter that supports
 * {@link DicomMessageListener} (no descriptor, which keeps one ejb jar for the standalone RAR of
 * Payara Micro and the EAR's embedded one); WildFly by {@code META-INF/jboss-ejb3.xml}. No
 * transaction: delivery is not transacted and the work is network I/O.
 */
@MessageDriven(name = "DicomListenerBean", messageListenerInterface = DicomMessageListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DicomListenerBean implements DicomMessageListener {

    private static final System.Logger LOG = System.getLogger(DicomListenerBean.class.getName());

    @Override
    public AssociationDecision onAssociation(AssociationRequest request) {
        if (request.calledAETitle().equals(request.listenerAETitle())) {
            return AssociationDecision.accept();
        }
        return AssociationDecision.reject(AssociationDecision.Rejection.CALLED_AE_TITLE_NOT_RECOGNIZED,
                "network '" + request.network() + "' answers to " + request.listenerAETitle() + " only");
    }

    @Override
    public void onRequest(DimseRequest request, DimseResponder responder) {
        try {
            responder.complete(request.operation() == DimseOperation.C_ECHO ? DimseStatus.success() : notRouted(request));
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> request.associationName() + ": " + request.operation() + " not answered: "
                    + e.getMessage());
        }
    }

    /** What every operation but C-ECHO gets until requests are routed through pipelines. */
    private static DimseStatus notRouted(DimseRequest request) {
        return DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, "no pipeline serves " + request.operation()
                + " on this gateway yet");
    }
}
