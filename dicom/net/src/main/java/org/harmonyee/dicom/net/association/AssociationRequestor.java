package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.pdu.AAssociateAC;
import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.AssociatePduDecoder;
import org.harmonyee.dicom.net.pdu.AssociatePduEncoder;
import org.harmonyee.dicom.net.pdu.PduException;
import org.harmonyee.dicom.net.pdu.PduInput;
import org.harmonyee.dicom.net.pdu.PduType;
import org.harmonyee.dicom.net.pdu.PeerAbortException;
import org.harmonyee.dicom.net.tls.DicomTls;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executor;

/**
 * Opens associations (the requestor side of PS3.8): connects with TCP_NODELAY (and TLS when
 * configured), sends the A-ASSOCIATE-RQ, waits for the AC or RJ within the request timeout, and
 * starts the association's reader on the caller's Executor.
 */
public final class AssociationRequestor {

    private final AssociationSettings settings;
    private final Executor executor;
    private final DicomTls tls;

    /** @param tls null for plain TCP */
    public AssociationRequestor(AssociationSettings settings, Executor executor, DicomTls tls) {
        this.settings = settings;
        this.executor = executor;
        this.tls = tls;
    }

    /** Fills in this side's user information, connects and negotiates. */
    public Association open(String host, int port, AAssociateRQ rq, RequestHandler handler) throws IOException {
        rq.maxLength(settings.maxPduLength());
        rq.implementationClassUid(settings.implementationClassUid());
        rq.implementationVersionName(settings.implementationVersionName());
        String name = AssociationIds.name(rq.callingAETitle(), rq.calledAETitle(), AssociationIds.next());
        Socket socket = connect(host, port);
        try {
            AAssociateAC ac = negotiate(name, socket, rq);
            Association association = new Association(name, socket, rq, ac, true, settings.timeouts(), handler);
            Association.LOG.log(Level.DEBUG, () -> name + ": established with " + host + ":" + port + ", " + ac);
            executor.execute(new AssociationReader(association));
            return association;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Timeouts.millis(settings.timeouts().connect()));
            if (tls == null) {
                return socket;
            }
            socket.setSoTimeout(Timeouts.millis(settings.timeouts().request()));
            return tls.client(socket, host, port);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private AAssociateAC negotiate(String name, Socket socket, AAssociateRQ rq) throws IOException {
        socket.setSoTimeout(Timeouts.millis(settings.timeouts().request()));
        socket.getOutputStream().write(AssociatePduEncoder.encode(rq));
        socket.getOutputStream().flush();
        InputStream raw = socket.getInputStream();
        PduInput in = new PduInput(raw, settings.maxPduLength());
        try {
            int type = in.nextPdu();
            byte[] body = in.body();
            switch (type) {
                case PduType.A_ASSOCIATE_AC -> {
                    socket.setSoTimeout(0);
                    return AssociatePduDecoder.decodeAC(body);
                }
                case PduType.A_ASSOCIATE_RJ ->
                        throw new AssociationRejectedException(name,
                                new AAssociateRJ(body[1] & 0xFF, body[2] & 0xFF, body[3] & 0xFF));
                case PduType.A_ABORT -> throw new PeerAbortException(new AAbort(body[2] & 0xFF, body[3] & 0xFF));
                default -> throw new PduException(AAbort.UNEXPECTED_PDU, PduType.name(type) + " in answer to the A-ASSOCIATE-RQ");
            }
        } catch (PduException e) {
            socket.getOutputStream().write(AssociatePduEncoder.encode(e.abort()));
            throw new IOException(name + ": " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            socket.getOutputStream().write(AssociatePduEncoder.encode(AAbort.byUser()));
            throw new IOException(name + ": no A-ASSOCIATE-AC within " + settings.timeouts().request(), e);
        }
    }
}
