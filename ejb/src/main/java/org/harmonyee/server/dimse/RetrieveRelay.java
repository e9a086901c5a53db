package org.harmonyee.server.dimse;

import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.rar.api.DimseResponder;
import org.harmonyee.rar.api.DimseStatus;
import org.harmonyee.rar.api.SubOperations;
import org.harmonyee.services.dimse.DimseRequests;
import org.harmonyee.services.dimse.Part10Input;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The C-STORE sub-operations of a C-GET or C-MOVE at the door: each instance of the pipeline's
 * results, as it arrives from the PACS, goes to a {@link Sink} (the caller's own association for
 * C-GET, the move destination for C-MOVE), and the caller hears the counters after each
 * (a pending response, when the PACS said how many remain) and in the final response.
 *
 * <p>The final counters are the door's own (what reached the caller or the destination) plus the
 * sub-operations the PACS itself reported failed or warned about; the status is 0000 when nothing
 * failed or warned, A702 when nothing completed, B000 otherwise, or the PACS's own failure. A
 * C-CANCEL ends the retrieve upstream (closing the results aborts the PACS's association) and is
 * answered FE00 with the counters so far.
 */
final class RetrieveRelay {

    private static final System.Logger LOG = System.getLogger(RetrieveRelay.class.getName());

    /** Where the instances go. */
    interface Sink {
        /**
         * Performs one sub-operation; the instance's data set may be left unread (it is drained).
         *
         * @return its status: 0000, a warning (Bxxx) or a failure
         * @throws IOException when the caller's association is gone
         */
        int store(Part10Input instance) throws IOException;
    }

    private final String logName;
    private final DimseResponder responder;
    private final List<String> failedInstances = new ArrayList<>();
    private int completed;
    private int failed;
    private int warning;

    RetrieveRelay(String logName, DimseResponder responder) {
        this.logName = logName;
        this.responder = responder;
    }

    /**
     * Relays every instance, then completes the caller's request.
     *
     * @param metadata the streaming response's metadata, where the PACS's final status and counters
     *                 are once the results end
     * @throws IOException when the caller's association is gone (the results are closed, upstream aborted)
     */
    void relay(ResultStream results, Map<String, String> metadata, Sink sink) throws IOException {
        try (results) {
            for (Optional<Result> instance = results.next(); instance.isPresent(); instance = results.next()) {
                if (responder.isCancelled()) {
                    responder.complete(DimseStatus.retrieve(DimseStatus.CANCEL, counters(0), failedInstances));
                    return;
                }
                relayOne(instance.get(), sink);
            }
            responder.complete(finalStatus(metadata));
        } catch (GatewayException failure) {
            LOG.log(Level.INFO, () -> logName + ": retrieve ended: " + failure.detail());
            responder.complete(new DimseStatus(failure.dimseStatus(), DimseDoor.comment(failure.detail()),
                    counters(0), failedInstances));
        }
    }

    private void relayOne(Result part, Sink sink) throws IOException {
        String uid = part.headers().first(DimseRequests.SOP_INSTANCE_UID_HEADER).orElse("");
        int status;
        try (Part10Input instance = Part10Input.read(part.body())) {
            uid = instance.sopInstanceUid();
            status = sink.store(instance);
            instance.dataSet().transferTo(OutputStream.nullOutputStream());
        } catch (GatewayException failure) {
            count(uid, DimseStatus.PROCESSING_FAILURE);
            throw failure;
        }
        count(uid, status);
        Optional<String> remaining = part.headers().first(DimseRequests.REMAINING_HEADER);
        if (remaining.isPresent()) {
            responder.sendProgress(counters(Math.max(0, Integer.parseInt(remaining.get()) - 1)));
        }
    }

    private void count(String sopInstanceUid, int status) {
        if (status == DimseStatus.SUCCESS) {
            completed++;
        } else if (!DimseStatus.of(status, null).isFailure()) {
            warning++;
        } else {
            failed++;
            failedInstances.add(sopInstanceUid);
            LOG.log(Level.DEBUG, () -> logName + ": sub-operation for " + sopInstanceUid + " failed: "
                    + String.format("%04XH", status));
        }
    }

    private DimseStatus finalStatus(Map<String, String> metadata) {
        int pacsStatus = Integer.parseInt(metadata.getOrDefault(DimseRequests.STATUS, "0000"), 16);
        failed += Integer.parseInt(metadata.getOrDefault(DimseRequests.FAILED, "0"));
        warning += Integer.parseInt(metadata.getOrDefault(DimseRequests.WARNING, "0"));
        int code;
        if (DimseStatus.of(pacsStatus, null).isFailure()) {
            code = pacsStatus;
        } else if (failed == 0 && warning == 0) {
            code = DimseStatus.SUCCESS;
        } else if (completed == 0 && warning == 0) {
            code = DimseStatus.OUT_OF_RESOURCES_SUB_OPERATIONS;
        } else {
            code = DimseStatus.WARNING_SUB_OPERATIONS;
        }
        return DimseStatus.retrieve(code, counters(0), failedInstances);
    }

    private SubOperations counters(int remaining) {
        return new SubOperations(remaining, completed, failed, warning);
    }
}
