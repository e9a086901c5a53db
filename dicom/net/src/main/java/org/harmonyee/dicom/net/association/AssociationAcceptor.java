package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.AssociatePduDecoder;
import org.harmonyee.dicom.net.pdu.AssociatePduEncoder;
import org.harmonyee.dicom.net.pdu.PduException;
import org.harmonyee.dicom.net.pdu.PduInput;
import org.harmonyee.dicom.net.pdu.PduType;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listens for associations (the acceptor side of PS3.8): every connection gets TCP_NODELAY, ARTIM
 * for its A-ASSOCIATE-RQ, the negotiation of {@link Negotiator}, and a transient
 * local-limit-exceeded rejection above the configured number of concurrent associations. The
 * accept loop and each association's reader run on the caller's Executor (the resource adapter
 * passes its WorkManager), so the Executor must allow one thread per association plus one.
 */
public final class AssociationAcceptor implements Closeable {

    private static final System.Logger LOG = Association.LOG;

    private final AcceptorConfig config;
    private final RequestHandler handler;
    private final Executor executor;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Association> associations = ConcurrentHashMap.newKeySet();
    private AssociationPolicy policy = AssociationPolicy.ACCEPT_ALL;
    private ServerSocket serverSocket;
    private volatile boolean closing;
    /**
     * Counted down when the accept loop ends. Closing a ServerSocket while a thread is blocked in
     * accept() releases the kernel's socket only once that thread has left accept(): until then a
     * connection can still complete, so close() waits for the loop before it returns.
     */
    private final CountDownLatch acceptLoopEnded = new CountDownLatch(1);

    public AssociationAcceptor(AcceptorConfig config, RequestHandler handler, Executor executor) {
        this.config = config;
        this.handler = handler;
        this.executor = executor;
    }

    /** Decides, after the negotiation, whether an association is accepted; set before {@link #start()}. */
    public AssociationAcceptor policy(AssociationPolicy value) {
        this.policy = value;
        return this;
    }

    /**
     * Binds and starts accepting; a port that cannot be bound, or an Executor that refuses the accept
     * loop, leaves the socket closed again (so a caller may try again later).
     */
    public synchronized AssociationAcceptor start() throws IOException {
        ServerSocket server = config.tls() == null ? new ServerSocket() : config.tls().serverSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 50);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        serverSocket = server;
        try {
            executor.execute(this::acceptLoop);
        } catch (RuntimeException e) {
            server.close();
            acceptLoopEnded.countDown();
            throw e;
        }
        LOG.log(Level.INFO, () -> (config.calledAETitles().isEmpty() ? "any called AE title" : config.calledAETitles())
                + ": listening on " + config.bindAddress() + ":" + port()
                + (config.tls() != null ? " (TLS)" : ""));
        return this;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections being negotiated or associated now. */
    /** The associations open now (a snapshot). */
    public List<Association> associations() {
        return List.copyOf(associations);
    }

    public int activeAssociations() {
        return connections.get();
    }

    private void acceptLoop() {
        try {
            accept();
        } finally {
            acceptLoopEnded.countDown();
        }
    }

    private void accept() {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.log(Level.ERROR, () -> "accept failed: " + e);
                }
                return;
            }
            int count = connections.incrementAndGet();
            sockets.add(socket);
            try {
                executor.execute(() -> serve(socket, count > config.maxAssociations()));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, () -> "the executor refused a connection: " + e);
                finished(socket);
            }
        }
    }

    private void serve(Socket socket, boolean overLimit) {
        String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Timeouts.millis(config.settings().timeouts().artim()));
            PduInput in = new PduInput(socket.getInputStream(), config.settings().maxPduLength());
            AAssociateRQ rq = readRequest(in, socket, peer);
            if (rq == null) {
                return;
            }
            String name = AssociationIds.name(rq.callingAETitle(), rq.calledAETitle(), AssociationIds.next());
            Negotiator.Outcome negotiated = overLimit ? new Negotiator.Outcome(null, Negotiator.limitExceeded())
                    : Negotiator.negotiate(rq, config);
            Negotiator.Outcome outcome = negotiated.reject() == null ? applyPolicy(name, rq, negotiated, socket)
                    : negotiated;
            if (outcome.reject() != null) {
                reject(socket, name, outcome);
                return;
            }
            socket.getOutputStream().write(AssociatePduEncoder.encode(outcome.accept()));
            socket.getOutputStream().flush();
            socket.setSoTimeout(0);
            Association association = new Association(name, socket, rq, outcome.accept(), false,
                    config.settings().timeouts(), handler);
            associations.add(association);
            LOG.log(Level.DEBUG, () -> name + ": accepted from " + peer + ", " + outcome.accept());
            if (closing) {
                association.abort(AAbort.byUser(), "the acceptor is closing");
            }
            try {
                new AssociationReader(association).run();
            } finally {
                associations.remove(association);
            }
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> peer + ": " + e.getMessage());
        } finally {
            finished(socket);
        }
    }

    /** The negotiated outcome, or the policy's rejection; a failing policy rejects transiently. */
    private Negotiator.Outcome applyPolicy(String name, AAssociateRQ rq, Negotiator.Outcome outcome, Socket socket) {
        InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        try {
            AssociationPolicy.Verdict verdict = policy.check(name, rq, outcome.accept(), peer);
            return verdict == null || verdict.accepted() ? outcome : new Negotiator.Outcome(null, verdict.reject(),
                    verdict.reason());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, name + ": the association policy failed", e);
            return new Negotiator.Outcome(null, new AAssociateRJ(AAssociateRJ.REJECTED_TRANSIENT,
                    AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.NO_REASON_GIVEN), "the association policy failed: " + e);
        }
    }

    /** The A-ASSOCIATE-RQ, or null after answering anything else with an A-ABORT. */
    private AAssociateRQ readRequest(PduInput in, Socket socket, String peer) throws IOException {
        try {
            int type = in.nextPdu();
            if (type != PduType.A_ASSOCIATE_RQ) {
                throw new PduException(AAbort.UNEXPECTED_PDU, PduType.name(type) + " where an A-ASSOCIATE-RQ was expected");
            }
            return AssociatePduDecoder.decodeRQ(in.body());
        } catch (PduException e) {
            LOG.log(Level.WARNING, () -> peer + ": " + e.abort() + ": " + e.getMessage());
            socket.getOutputStream().write(AssociatePduEncoder.encode(e.abort()));
            socket.getOutputStream().flush();
            return null;
        } catch (SocketTimeoutException e) {
            LOG.log(Level.WARNING, () -> peer + ": ARTIM expired: no A-ASSOCIATE-RQ");
            return null;
        }
    }

    /** Sends the A-ASSOCIATE-RJ and waits (ARTIM) for the requestor to close the connection. */
    private void reject(Socket socket, String name, Negotiator.Outcome outcome) throws IOException {
        AAssociateRJ reject = outcome.reject();
        LOG.log(Level.INFO, () -> name + ": " + reject + (outcome.reason() == null ? "" : " (" + outcome.reason() + ")"));
        socket.getOutputStream().write(AssociatePduEncoder.encode(reject));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // the requestor has nothing more to say; wait for its close
            }
        } catch (SocketTimeoutException e) {
            LOG.log(Level.DEBUG, () -> name + ": the requestor did not close within ARTIM");
        }
    }

    private void finished(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "close: " + e.getMessage());
        }
        sockets.remove(socket);
        connections.decrementAndGet();
    }

    private void awaitAcceptLoop() {
        if (serverSocket == null) {
            return;
        }
        try {
            if (!acceptLoopEnded.await(config.settings().timeouts().artim().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, () -> "the accept loop on port " + serverSocket.getLocalPort() + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops accepting (the port is closed when this returns), aborts every association, and waits
     * (up to ARTIM) until all have ended.
     */
    @Override
    public void close() {
        closing = true;
        try {
            if (serverSocket != null) {
                serverSocket.close();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "close: " + e.getMessage());
        }
        awaitAcceptLoop();
        associations.forEach(association -> association.abort(AAbort.byUser(), "the acceptor is closing"));
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> "close: " + e.getMessage());
            }
        }
        long deadline = System.nanoTime() + config.settings().timeouts().artim().toNanos() + 1_000_000_000L;
        while (connections.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
