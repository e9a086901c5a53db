package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.CommandCodec;
import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.pdu.AAssociateAC;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.AssociatePduEncoder;
import org.harmonyee.dicom.net.pdu.PDataOutputStream;
import org.harmonyee.dicom.net.pdu.PduInput;
import org.harmonyee.dicom.net.pdu.PduType;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.net.tls.DicomTls;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An established association: sends DIMSE messages (whole messages under one write lock, so that
 * two threads never interleave fragments), hands received requests to its {@link RequestHandler}
 * and responses to the {@link ResponseHandler} of their request, releases and aborts. Its reader
 * ({@link AssociationReader}) runs on a thread of the caller's Executor until the association ends.
 */
public final class Association implements AutoCloseable {

    static final System.Logger LOG = System.getLogger(Association.class.getName());
    private static final int UNLIMITED_SEND_CAP = 256 * 1024;
    /**
     * Buffers the PDU and PDV headers; small, so that a data set read of a PDV's length (most of
     * a 64 KiB PDU) bypasses it and goes from the socket straight into the reader's array.
     */
    private static final int RECEIVE_BUFFER = 8 * 1024;

    private final String name;
    private final Socket socket;
    private final OutputStream out;
    private final PduInput in;
    private final AAssociateRQ rq;
    private final AAssociateAC ac;
    private final boolean requestor;
    private final Timeouts timeouts;
    private final RequestHandler requestHandler;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<Integer, ResponseHandler> outstanding = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AssociationTimer timer;
    private final Instant openedAt = Instant.now();
    private volatile boolean releaseRequested;
    private volatile boolean ending;
    private volatile AssociationTimeoutException expired;

    Association(String name, Socket socket, AAssociateRQ rq, AAssociateAC ac, boolean requestor, Timeouts timeouts,
                RequestHandler requestHandler) throws IOException {
        this.name = name;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new PduInput(new BufferedInputStream(socket.getInputStream(), RECEIVE_BUFFER),
                requestor ? rq.maxLength() : ac.maxLength());
        this.rq = rq;
        this.ac = ac;
        this.requestor = requestor;
        this.timeouts = timeouts;
        this.requestHandler = requestHandler;
        this.timer = new AssociationTimer(this, timeouts);
    }

    /** When the association was established (the A-ASSOCIATE-AC sent or received). */
    public Instant openedAt() {
        return openedAt;
    }

    /** The log prefix, e.g. {@code HARMONY->DCMQRSCP(3)}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    public AAssociateRQ associateRQ() {
        return rq;
    }

    public AAssociateAC associateAC() {
        return ac;
    }

    public boolean isRequestor() {
        return requestor;
    }

    /** The AE title of the other side. */
    public String remoteAETitle() {
        return requestor ? rq.calledAETitle() : rq.callingAETitle();
    }

    public String localAETitle() {
        return requestor ? rq.callingAETitle() : rq.calledAETitle();
    }

    /** The other side's address and port. */
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /** The negotiated TLS protocol (TLSv1.3, TLSv1.2), or null on plain TCP. */
    public String tlsProtocol() {
        return DicomTls.protocol(socket);
    }

    public boolean isOpen() {
        return closed.getCount() > 0 && !ending;
    }

    PduInput input() {
        return in;
    }

    RequestHandler requestHandler() {
        return requestHandler;
    }

    Timeouts timeouts() {
        return timeouts;
    }

    /** The abstract syntax of an accepted context (from the RQ, as the AC does not repeat it). */
    public String abstractSyntax(int presentationContextId) {
        PresentationContext proposed = rq.presentationContext(presentationContextId);
        return proposed == null ? null : proposed.abstractSyntax();
    }

    /** An accepted context, with the abstract syntax filled in from the RQ, or null. */
    public PresentationContext acceptedContext(int id) {
        PresentationContext accepted = ac.presentationContext(id);
        if (accepted == null || !accepted.isAccepted()) {
            return null;
        }
        return new PresentationContext(id, 0, abstractSyntax(id), accepted.transferSyntaxes());
    }

    /** The first accepted context for the abstract syntax, with the transfer syntax if non-null. */
    public PresentationContext acceptedContext(String abstractSyntax, String transferSyntax) {
        for (PresentationContext pc : ac.presentationContexts()) {
            PresentationContext accepted = acceptedContext(pc.id());
            if (accepted != null && abstractSyntax.equals(accepted.abstractSyntax())
                    && (transferSyntax == null || transferSyntax.equals(accepted.transferSyntax()))) {
                return accepted;
            }
        }
        return null;
    }

    public int nextMessageId() {
        return (messageIds.incrementAndGet() & 0x7FFF) + 1;
    }

    /** Sends a request and registers the handler of its responses. */
    public void invoke(int presentationContextId, Command request, DataWriter dataSet, ResponseHandler handler)
            throws IOException {
        outstanding.put(request.messageId(), handler);
        timer.touch();
        try {
            send(presentationContextId, request, dataSet);
        } catch (IOException e) {
            outstanding.remove(request.messageId());
            throw e;
        }
    }

    /** Sends one message: the command set, then the data set when {@code dataSet} is not null. */
    public void send(int presentationContextId, Command command, DataWriter dataSet) throws IOException {
        command.hasDataSet(dataSet != null);
        byte[] encoded = CommandCodec.encode(command);
        int maxLength = sendMaxLength();
        writeLock.lock();
        try {
            if (!isOpen()) {
                throw new IOException(name + ": the association is closed");
            }
            try (PDataOutputStream commandOut = new PDataOutputStream(out, presentationContextId, true, maxLength)) {
                commandOut.write(encoded);
            }
            if (dataSet != null) {
                PDataOutputStream dataOut = new PDataOutputStream(out, presentationContextId, false, maxLength);
                dataSet.writeTo(dataOut);
                dataOut.close();
            }
        } catch (IOException e) {
            abort(AAbort.byUser(), "sending " + command + " failed: " + e.getMessage());
            throw e;
        } finally {
            writeLock.unlock();
        }
        timer.touch();
        LOG.log(Level.DEBUG, () -> name + ": sent " + command);
    }

    private int sendMaxLength() {
        long peer = requestor ? ac.maxLength() : rq.maxLength();
        return peer == 0 || peer > UNLIMITED_SEND_CAP ? UNLIMITED_SEND_CAP : (int) Math.max(peer, 7);
    }

    /** Marks work running on this association outside the reader, so that the idle timer waits. */
    public void beginWork() {
        busy.incrementAndGet();
    }

    public void endWork() {
        busy.decrementAndGet();
        timer.touch();
    }

    boolean isBusy() {
        return busy.get() > 0 || !outstanding.isEmpty();
    }

    boolean hasOutstanding() {
        return !outstanding.isEmpty();
    }

    ResponseHandler responseHandler(int messageId, boolean last) {
        return last ? outstanding.remove(messageId) : outstanding.get(messageId);
    }

    boolean releaseRequested() {
        return releaseRequested;
    }

    void touch() {
        timer.touch();
    }

    /** A-RELEASE-RQ, then waits (ARTIM) for the A-RELEASE-RP and the end of the association. */
    public void release() throws IOException {
        if (!isOpen()) {
            return;
        }
        releaseRequested = true;
        timer.touch();
        writePdu(AssociatePduEncoder.encode(PduType.A_RELEASE_RQ, 0, 0, 0));
        LOG.log(Level.DEBUG, () -> name + ": A-RELEASE-RQ");
        awaitClosed(Timeouts.millis(timeouts.artim()) + 1000L);
    }

    /** Sends an A-ABORT (best effort) and closes the connection. */
    public void abort(AAbort abort, String reason) {
        if (closed.getCount() == 0 || ending) {
            return;
        }
        ending = true;
        LOG.log(Level.WARNING, () -> name + ": " + abort + ": " + reason);
        if (writeLock.tryLock()) {
            try {
                out.write(AssociatePduEncoder.encode(abort));
                out.flush();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> name + ": could not send the A-ABORT: " + e.getMessage());
            } finally {
                writeLock.unlock();
            }
        }
        closeSocket();
    }

    /** A timer expired: aborts, and what is outstanding fails with an {@link AssociationTimeoutException}. */
    void expire(String reason) {
        if (expired == null && isOpen()) {
            expired = new AssociationTimeoutException(name + ": " + reason);
        }
        abort(AAbort.byUser(), reason);
    }

    void writePdu(byte[] pdu) throws IOException {
        writeLock.lock();
        try {
            out.write(pdu);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Waits until the reader has ended; true if it did within the time. */
    public boolean awaitClosed(long millis) {
        try {
            return closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void closeSocket() {
        ending = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> name + ": close: " + e.getMessage());
        }
    }

    /** Called once by the reader when it ends: fails what is outstanding, stops the timer. */
    void ended(IOException cause) {
        ending = true;
        timer.cancel();
        closeSocket();
        IOException failure = expired != null ? expired
                : cause != null ? cause : new IOException(name + ": the association ended");
        for (Integer id : outstanding.keySet()) {
            ResponseHandler handler = outstanding.remove(id);
            if (handler != null) {
                handler.onFailure(failure);
            }
        }
        closed.countDown();
    }

    /** Releases the association (A-RELEASE-RQ) if this side requested it, else aborts it. */
    @Override
    public void close() {
        if (!isOpen()) {
            awaitClosed(Timeouts.millis(timeouts.artim()) + 1000L);
            return;
        }
        try {
            if (requestor) {
                release();
            } else {
                abort(AAbort.byUser(), "closed locally");
            }
        } catch (IOException e) {
            abort(AAbort.byUser(), "release failed: " + e.getMessage());
        }
        if (!awaitClosed(Timeouts.millis(timeouts.artim()) + 1000L)) {
            abort(AAbort.byUser(), "no A-RELEASE-RP within ARTIM");
        }
    }
}
