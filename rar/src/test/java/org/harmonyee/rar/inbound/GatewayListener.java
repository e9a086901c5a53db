package org.harmonyee.rar.inbound;

import org.harmonyee.rar.api.AssociationDecision;
import org.harmonyee.rar.api.AssociationRequest;
import org.harmonyee.rar.api.DicomMessageListener;
import org.harmonyee.rar.api.DimseOperation;
import org.harmonyee.rar.api.DimseRequest;
import org.harmonyee.rar.api.DimseResponder;
import org.harmonyee.rar.api.DimseStatus;
import org.harmonyee.rar.api.SubOperations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener as the gateway's bean behaves today: accepts the listener's own AE title, answers
 * C-ECHO, C-FIND with the configured matches then {@code findStatus}, C-GET by storing the
 * configured instances on the caller's association; everything else fails C000. It records the requests it saw; {@code failing} makes every request throw.
 */
class GatewayListener implements DicomMessageListener {

    final List<DimseRequest> requests = new CopyOnWriteArrayList<>();
    final List<AssociationRequest> associations = new CopyOnWriteArrayList<>();
    volatile List<String> matches = List.of();
    volatile DimseStatus findStatus = DimseStatus.success();
    volatile boolean failing;
    /** C-GET: the instances to send, each a data set in Explicit VR Little Endian with its UIDs. */
    volatile List<Instance> instances = List.of();
    final List<Integer> subOperationStatuses = new CopyOnWriteArrayList<>();

    record Instance(String sopClassUid, String sopInstanceUid, byte[] dataSet) {
    }

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
            } else if (request.operation() == DimseOperation.C_GET) {
                retrieve(responder);
            } else {
                responder.complete(DimseStatus.of(DimseStatus.UNABLE_TO_PROCESS, "no pipeline serves "
                        + request.operation()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void retrieve(DimseResponder responder) throws IOException {
        int completed = 0;
        int failed = 0;
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get(i);
            int status = responder.store(instance.sopClassUid(), instance.sopInstanceUid(), UID_EXPLICIT_LE,
                    new ByteArrayInputStream(instance.dataSet()));
            subOperationStatuses.add(status);
            if (status == DimseStatus.SUCCESS) {
                completed++;
            } else {
                failed++;
            }
            responder.sendProgress(new SubOperations(instances.size() - i - 1, completed, failed, 0));
        }
        responder.complete(DimseStatus.retrieve(failed == 0 ? DimseStatus.SUCCESS : DimseStatus.WARNING_SUB_OPERATIONS,
                new SubOperations(0, completed, failed, 0), List.of()));
    }

    private static final String UID_EXPLICIT_LE = "1.2.840.10008.1.2.1";
}
