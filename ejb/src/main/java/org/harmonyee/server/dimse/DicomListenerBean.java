package org.harmonyee.server.dimse;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.rar.api.DicomMessageListener;
import org.harmonyee.rar.api.DimseRequest;
import org.harmonyee.rar.api.DimseResponder;

import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The message-driven bean of the DICOM resource adapter: one instance per delivery, thin over the
 * {@link DimseDoor}, which decides associations and routes requests through the pipelines.
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

    @Inject
    DimseDoor door;

    @Override
    public AssociationDecision onAssociation(AssociationRequest request) {
        return door.decide(request);
    }

    @Override
    public void onRequest(DimseRequest request, DimseResponder responder) {
        try {
            door.serve(request, responder);
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> request.associationName() + ": " + request.operation() + " not answered: "
                    + e.getMessage());
        }
    }
}
