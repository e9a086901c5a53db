package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.ResponseHandler;
import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandField;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The matches of a running C-FIND, pulled one by one as they arrive ({@link #next}); the reader
 * waits while 64 unread matches are queued, so a slow consumer slows the SCP down instead of
 * filling the heap. Closing before the end sends C-CANCEL-RQ and discards what still comes.
 * One consumer thread.
 */
public final class FindResults implements AutoCloseable {

    private static final int QUEUE = 64;

    /** What the reader hands over: a match, the final response, or the association's failure. */
    private record Item(Attributes match, Command last, IOException failure) {
    }

    private final Association association;
    private final PresentationContext context;
    private final Command request;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean cancelled;
    private Command last;

    private FindResults(Association association, PresentationContext context, Command request) {
        this.association = association;
        this.context = context;
        this.request = request;
    }

    static FindResults start(Association association, String sopClassUid, Attributes keys, Priority priority)
            throws IOException, DimseException {
        PresentationContext context = association.acceptedContext(sopClassUid, null);
        if (context == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no context accepted for " + sopClassUid);
        }
        Command request = Command.queryRetrieveRQ(CommandField.C_FIND_RQ, association.nextMessageId(), sopClassUid, priority);
        FindResults results = new FindResults(association, context, request);
        association.invoke(context.id(), request, DataSets.writer(keys, context.transferSyntax()), results.handler());
        return results;
    }

    private ResponseHandler handler() {
        return new ResponseHandler() {
            @Override
            public void onPending(Command response, InputStream dataSet) throws IOException {
                if (dataSet != null && !cancelled) {
                    put(new Item(DataSets.read(dataSet, context.transferSyntax()), null, null));
                }
            }

            @Override
            public void onFinal(Command response, InputStream dataSet) {
                put(new Item(null, response, null));
            }

            @Override
            public void onFailure(IOException cause) {
                put(new Item(null, null, cause));
            }
        };
    }

    /** Blocks the reader while the queue is full, unless the consumer has given up. */
    private void put(Item item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled && item.match() != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The next match, or null once the final response has come.
     *
     * @throws DimseException the SCP's failure status with its ErrorComment
     */
    public Attributes next() throws IOException, DimseException {
        if (last != null) {
            return null;
        }
        Item item = take();
        if (item.failure() != null) {
            throw new IOException(item.failure().getMessage(), item.failure());
        }
        if (item.last() != null) {
            last = item.last();
            if (Status.isFailure(last.status())) {
                throw new DimseException(last.status(), last.errorComment());
            }
            return null;
        }
        return item.match();
    }

    /** The final status (0000, FE00 ...), once {@link #next} has returned null. */
    public int status() {
        if (last == null) {
            throw new IllegalStateException("the C-FIND has not ended");
        }
        return last.status();
    }

    private Item take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a C-FIND response", e);
        }
    }

    /** Cancels (C-CANCEL-RQ) a C-FIND that has not ended, and waits for its final response. */
    @Override
    public void close() throws IOException {
        if (last != null) {
            return;
        }
        cancelled = true;
        association.send(context.id(), Command.cCancelRQ(request.messageId()), null);
        Item item = take();
        while (item.last() == null && item.failure() == null) {
            item = take();
        }
        last = item.last() != null ? item.last() : Command.response(request, Status.CANCEL);
    }
}
