package org.harmonyee.rar.inbound;

import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.rar.api.DicomMessageListener;
import org.harmonyee.rar.api.DimseOperation;
import org.harmonyee.rar.api.DimseRequest;
import org.harmonyee.rar.api.DimseResponder;
import org.harmonyee.rar.api.DimseStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener as the gateway's bean behaves today: accepts the listener's own AE title, answers
 * C-ECHO, and C-FIND with the configured matches then {@code findStatus}; everything else fails
 * C000. It records the requests it saw; {@code failing} makes every request throw.
 */
class GatewayListener implements DicomMessageListener {

    final List<DimseRequest> requests = new CopyOnWriteArrayList<>();
    final List<AssociationRequest> associations = new CopyOnWriteArrayList<>();
    volatile List<String> matches = List.of();
    volatile DimseStatus findStatus = DimseStatus.success();
    volatile boolean failing;

    @Override
    public AssociationDecision onAssociation(AssociationRequest request) {
        associations.add(request);
        return request.calledAETitle().equals(request.listenerAETitle()) ? AssociationDecision.accept()
                : AssociationDecision.reject(AssociationDecision.Rejection.CALLED_AE_TITLE_NOT_RECOGNIZED,
                "not " + request.listenerAETitle());
    }

    @Override
    public void onRequest(DimseRequest request, DimseResponder responder) {
        requests.add(request);
        if (failing) {
            throw new IllegalStateException("the listener failed on purpose");
        }
        try {
            if (request.operation() == DimseOperation.C_ECHO) {
                responder.complete(DimseStatus.success());
            } else if (request.operation() == DimseOperation.C_FIND) {
                for (String match : matches) {
                    responder.sendMatch(match);
                }
                responder.complete(findStatus);
            } else {
                responder.complete(DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, "no pipeline serves "
                        + request.operation()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
