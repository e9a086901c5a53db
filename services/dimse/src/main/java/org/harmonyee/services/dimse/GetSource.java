package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.envelope.ResultStream;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.ScpContext;
import org.harmonyee.dicom.net.service.ScuAssociation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of a running retrieve as results, each handed to the consumer as its C-STORE
 * sub-operation arrives (on the retrieve's association for a C-GET; on an association of the
 * PACS's to the {@link MoveDestinationScp} for a C-MOVE, {@code dimse_retrieve_mode = "move"}):
 * a part with the instance as a PS3.10 stream (File Meta Information, then the data set as
 * received), pulled through an {@link InstancePipe}. The sub-operation is answered
 * only once the consumer has read the instance (Success) or dropped it (0110), and the next
 * instance is not handed over before, so one instance at most is on its way and at most
 * {@link InstancePipe#CAPACITY} bytes of it are held. Pulling the next result drops the previous
 * instance if it was not read to its end.
 *
 * <p>In {@code get_or_move} mode a C-GET the PACS refuses before sending anything goes on as a
 * C-MOVE on another association ({@link #continueWith}); the consumer sees one retrieve.
 *
 * <p>At the end the final status and counters go into the response's metadata before the end is
 * returned. Closed before the end, the association is aborted at once (a C-CANCEL would still let
 * the PACS send what is in flight) and the retrieve's threads end.
 */
final class GetSource implements ResultStream.Source {

    private static final System.Logger LOG = System.getLogger(GetSource.class.getName());

    /** What the association hands over: an instance, the final answer, or the failure. */
    private record Item(Result instance, InstancePipe pipe, RetrieveResult end, GatewayException failure) {
    }

    private final String exchangeId;
    private final String backend;
    private volatile DimseOperation operation;
    private volatile ScuConnector.Connection connection;
    private volatile ScuAssociation association;
    private final BlockingQueue<Item> handOff = new ArrayBlockingQueue<>(1);
    private final CountDownLatch retrieveEnded = new CountDownLatch(1);
    private final AtomicInteger handedOver = new AtomicInteger();
    private final AtomicInteger consumed = new AtomicInteger();
    private final AtomicInteger mostAhead = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger(-1);
    private Map<String, String> metadata = new HashMap<>();
    private volatile boolean closed;
    private InstancePipe current;
    private boolean ended;

    GetSource(String exchangeId, String backend, ScuConnector.Connection connection, DimseOperation operation) {
        this.exchangeId = exchangeId;
        this.backend = backend;
        this.operation = operation;
        this.connection = connection;
        this.association = connection.association();
    }

    /** Where the final status (and counters) go: the streaming response's metadata. */
    GetSource reportTo(Map<String, String> responseMetadata) {
        this.metadata = responseMetadata;
        return this;
    }

    /**
     * The retrieve goes on as {@code next} on {@code replacement}'s association (a C-MOVE in place of a
     * C-GET the PACS refused before sending anything), called on the retrieve's thread; the previous
     * association is released. A consumer gone meanwhile closes the replacement at once.
     */
    void continueWith(ScuConnector.Connection replacement, DimseOperation next) throws IOException {
        ScuConnector.Connection previous = connection;
        connection = replacement;
        association = replacement.association();
        operation = next;
        previous.close();
        if (closed) {
            replacement.close();
            throw new IOException("the consumer of the " + next.command() + " went away");
        }
    }

    /** How many instances the PACS has sent so far. */
    int handedOver() {
        return handedOver.get();
    }

    /** Runs the retrieve to its final response; on a thread of its own, as it waits for the end. */
    void retrieve(ScuOperations.Retrieval retrieval) {
        try {
            RetrieveResult result = retrieval.run(this::store, progress -> {
                remaining.set(progress.remaining());
                return !closed;
            });
            connection.ended();
            handOver(new Item(null, null, result, null));
        } catch (DimseException e) {
            handOver(new Item(null, null, null, DimseStatusMapping.refused(backend, operation, e)));
        } catch (IOException e) {
            handOver(new Item(null, null, null, DimseStatusMapping.lost(backend, operation, e)));
        } catch (GatewayException e) {
            handOver(new Item(null, null, null, e));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, exchangeId + ": " + association.association().name() + ": " + operation.command()
                    + " failed", e);
            handOver(new Item(null, null, null, new GatewayException(ProblemType.INTERNAL, "backend '" + backend
                    + "': the " + operation.command() + " failed; the log has the details under exchange " + exchangeId)));
            throw e;
        } finally {
            retrieveEnded.countDown();
        }
    }

    /** A C-STORE sub-operation, on the association's reader: hands the instance over and streams it through. */
    private int store(ScpContext context, InputStream dataSet) throws DimseException, IOException {
        if (closed) {
            throw new IOException("the consumer of the " + operation.command() + " went away");
        }
        String uid = context.request().affectedSopInstanceUid();
        String sopInstance = uid == null ? "" : uid.strip();
        if (sopInstance.isEmpty()) {
            dataSet.transferTo(OutputStream.nullOutputStream());
            throw new DimseException(Status.CANNOT_UNDERSTAND, "Affected SOP Instance UID missing");
        }
        mostAhead.accumulateAndGet(handedOver.getAndIncrement() - consumed.get(), Math::max);
        InstancePipe pipe = new InstancePipe(association::isOpen);
        handOver(new Item(Result.part(partHeaders(context, sopInstance), Body.stream(pipe.input(), -1)), pipe, null, null));
        try {
            OutputStream out = pipe.output();
            FileMetaInformation.of(context.sopClassUid(), sopInstance, context.transferSyntax()).write(out);
            dataSet.transferTo(out);
            pipe.finish(null);
        } catch (IOException e) {
            pipe.finish(e);
            dataSet.transferTo(OutputStream.nullOutputStream());
            throw new DimseException(Status.PROCESSING_FAILURE, "the receiver did not take the instance", e);
        }
        if (!pipe.awaitConsumed()) {
            throw new DimseException(Status.PROCESSING_FAILURE, "the receiver did not take the instance");
        }
        return Status.SUCCESS;
    }

    private Headers partHeaders(ScpContext context, String sopInstance) {
        Headers headers = new Headers().set("Content-Type", DimseRequests.APPLICATION_DICOM)
                .set(DimseRequests.SOP_CLASS_UID_HEADER, context.sopClassUid())
                .set(DimseRequests.SOP_INSTANCE_UID_HEADER, sopInstance)
                .set(DimseRequests.TRANSFER_SYNTAX_UID_HEADER, context.transferSyntax());
        int left = remaining.get();
        if (left > 0) {
            headers.set(DimseRequests.REMAINING_HEADER, String.valueOf(left));
        }
        return headers;
    }

    /** Waits for room, unless the consumer went away: then the item is dropped. */
    private void handOver(Item item) {
        try {
            while (!handOff.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<Result> next() {
        if (ended) {
            return Optional.empty();
        }
        dropCurrent();
        Item item = take();
        if (item.failure() != null) {
            ended = true;
            throw item.failure();
        }
        if (item.end() != null) {
            ended = true;
            DimseRequests.putCounters(item.end(), metadata);
            return Optional.empty();
        }
        current = item.pipe();
        return Optional.of(item.instance());
    }

    /** The previous instance is finished with: read to its end, or dropped now. */
    private void dropCurrent() {
        if (current != null) {
            current.closeReader();
            current = null;
            consumed.incrementAndGet();
        }
    }

    private Item take() {
        try {
            return handOff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = true;
            throw DimseStatusMapping.lost(backend, operation, new InterruptedIOException(
                    "interrupted while waiting for the next instance"));
        }
    }

    /**
     * The most instances handed over and not yet finished with by the consumer when the PACS sent
     * the next one: 1 at most, by design (the consumer may not have pulled again yet).
     */
    int mostAhead() {
        return mostAhead.get();
    }

    @Override
    public void close() {
        closed = true;
        if (current != null) {
            current.closeReader();
        }
        if (!ended) {
            ended = true;
            association.association().abort(AAbort.byUser(), exchangeId + ": the consumer closed the " + operation.command());
        }
        connection.close();
        try {
            if (!retrieveEnded.await(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, () -> exchangeId + ": " + association.association().name()
                        + ": the " + operation.command() + " did not end within 5 s of its abort");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
