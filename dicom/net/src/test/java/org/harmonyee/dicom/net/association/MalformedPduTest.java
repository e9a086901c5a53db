package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.pdu.AAbort;
import org.harmonyee.dicom.net.pdu.AAssociateRQ;
import org.harmonyee.dicom.net.pdu.AssociatePduEncoder;
import org.harmonyee.dicom.net.pdu.PduType;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw-socket robustness of the acceptor: malformed, truncated, oversized and out-of-order PDUs get
 * an A-ABORT (or a close) at once, never a stuck thread; afterwards no association is left open.
 */
class MalformedPduTest {

    private static TestThreads threads;
    private static AssociationAcceptor acceptor;

    @BeforeAll
    static void start() throws IOException {
        threads = new TestThreads("malformed-test");
        Timeouts timeouts = Timeouts.DEFAULT.withArtim(Duration.ofMillis(800)).withIdle(Duration.ofMillis(800));
        AcceptorConfig config = AcceptorConfig.loopback("HARMONY")
                .withSettings(AssociationSettings.DEFAULT.withTimeouts(timeouts).withMaxPduLength(16384));
        acceptor = new AssociationAcceptor(config, new DimseServiceRouter(new QueryRetrieveScp(threads.executor())),
                threads.executor()).start();
    }

    @AfterEach
    void noAssociationLeft() throws InterruptedException {
        TestThreads.awaitNoAssociation(acceptor);
        threads.awaitActive(1, 3000);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        acceptor.close();
        threads.close();
    }

    @Test
    void anHttpRequestIsAnUnrecognizedPdu() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            expectAbort(socket, AAbort.UNRECOGNIZED_PDU);
        }
    }

    @Test
    void aTruncatedHeaderThenCloseEndsTheConnection() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(new byte[] {1, 0, 0});
            socket.shutdownOutput();
            expectAbortOrClose(socket);
        }
    }

    @Test
    void anOversizedAssociateRequestIsRefusedBeforeReading() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(new byte[] {1, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            expectAbort(socket, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void dataBeforeTheAssociationIsUnexpected() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(pData(1, 3, new byte[10]));
            expectAbort(socket, AAbort.UNEXPECTED_PDU);
        }
    }

    @Test
    void anItemOverrunningTheRequestIsInvalid() throws IOException {
        byte[] rq = AssociatePduEncoder.encode(request());
        int applicationContext = 6 + 68;
        rq[applicationContext + 2] = 0x7F;
        try (Socket socket = connect()) {
            socket.getOutputStream().write(rq);
            expectAbort(socket, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aRequestCutShortThenSilenceEndsAtArtim() throws IOException {
        byte[] rq = AssociatePduEncoder.encode(request());
        try (Socket socket = connect()) {
            socket.getOutputStream().write(rq, 0, rq.length / 2);
            expectAbortOrClose(socket);
        }
    }

    @Test
    void aSilentConnectionIsClosedAtArtim() throws IOException {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            expectAbortOrClose(socket);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void anOversizedPDataIsInvalid() throws IOException {
        try (Socket socket = associate()) {
            socket.getOutputStream().write(new byte[] {4, 0, 0, 1, 0, 0});
            expectAbort(socket, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aContextThatWasNotAcceptedIsInvalid() throws IOException {
        try (Socket socket = associate()) {
            socket.getOutputStream().write(pData(7, 3, new byte[8]));
            expectAbort(socket, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aContextThatWasProposedButRefusedIsInvalid() throws IOException {
        AAssociateRQ rq = request();
        rq.addPresentationContext(PresentationContext.proposed(3, "1.2.3.4.5", List.of(UID.ImplicitVRLittleEndian)));
        try (Socket socket = associate(rq)) {
            socket.getOutputStream().write(pData(3, 3, new byte[8]));
            expectAbort(socket, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aContextIdUsedTwiceIsInvalid() throws IOException {
        AAssociateRQ rq = request();
        rq.addPresentationContext(PresentationContext.proposed(3, UID.Verification, List.of(UID.ImplicitVRLittleEndian)));
        byte[] pdu = AssociatePduEncoder.encode(rq);
        for (int i = 6 + 68; i < pdu.length - 4; i++) {
            if (pdu[i] == 0x20 && pdu[i + 4] == 3) {
                pdu[i + 4] = 1;
            }
        }
        try (Socket socket = connect()) {
            socket.getOutputStream().write(pdu);
            expectAbort(socket, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aSecondAssociateRequestIsUnexpected() throws IOException {
        try (Socket socket = associate()) {
            socket.getOutputStream().write(AssociatePduEncoder.encode(request()));
            expectAbort(socket, AAbort.UNEXPECTED_PDU);
        }
    }

    @Test
    void aDataSetWithoutCommandIsUnexpected() throws IOException {
        try (Socket socket = associate()) {
            socket.getOutputStream().write(pData(1, 2, new byte[8]));
            expectAbort(socket, AAbort.UNEXPECTED_PDU_PARAMETER);
        }
    }

    @Test
    void aPdvLongerThanItsPduIsInvalid() throws IOException {
        byte[] pdu = pData(1, 3, new byte[8]);
        pdu[9] = 100;
        try (Socket socket = associate()) {
            socket.getOutputStream().write(pdu);
            expectAbort(socket, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aReleaseInsideACommandIsUnexpected() throws IOException {
        try (Socket socket = associate()) {
            socket.getOutputStream().write(pData(1, 1, new byte[8]));
            socket.getOutputStream().write(AssociatePduEncoder.encode(PduType.A_RELEASE_RQ, 0, 0, 0));
            expectAbort(socket, AAbort.UNEXPECTED_PDU);
        }
    }

    @Test
    void aTruncatedPDataThenCloseEndsTheAssociation() throws IOException {
        try (Socket socket = associate()) {
            socket.getOutputStream().write(new byte[] {4, 0, 0, 0, 0, 100, 0, 0, 0, 50, 1, 3});
            socket.shutdownOutput();
            expectAbortOrClose(socket);
        }
    }

    @Test
    void anUndecodableCommandSetIsInvalid() throws IOException {
        byte[] garbage = {0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
        try (Socket socket = associate()) {
            socket.getOutputStream().write(pData(1, 3, garbage));
            expectAbort(socket, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void anIdleAssociationIsAborted() throws IOException {
        try (Socket socket = associate()) {
            expectAbort(socket, AAbort.REASON_NOT_SPECIFIED);
        }
    }

    @Test
    void anAbortFromThePeerEndsTheAssociation() throws IOException {
        try (Socket socket = associate()) {
            socket.getOutputStream().write(AssociatePduEncoder.encode(AAbort.byUser()));
            expectAbortOrClose(socket);
        }
    }

    @Test
    void aReleaseIsAnswered() throws IOException {
        try (Socket socket = associate()) {
            socket.getOutputStream().write(AssociatePduEncoder.encode(PduType.A_RELEASE_RQ, 0, 0, 0));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.readUnsignedByte()).isEqualTo(PduType.A_RELEASE_RP);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", acceptor.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        return socket;
    }

    /** A socket with an established association (context 1: Verification). */
    private static Socket associate() throws IOException {
        return associate(request());
    }

    private static Socket associate(AAssociateRQ rq) throws IOException {
        Socket socket = connect();
        socket.getOutputStream().write(AssociatePduEncoder.encode(rq));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        assertThat(in.readUnsignedByte()).isEqualTo(PduType.A_ASSOCIATE_AC);
        in.readUnsignedByte();
        in.readFully(new byte[in.readInt()]);
        return socket;
    }

    private static AAssociateRQ request() {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAETitle("RAW");
        rq.calledAETitle("HARMONY");
        rq.maxLength(16384);
        rq.implementationClassUid("1.2.3");
        rq.addPresentationContext(PresentationContext.proposed(1, UID.Verification, List.of(UID.ImplicitVRLittleEndian)));
        return rq;
    }

    private static byte[] pData(int contextId, int control, byte[] data) {
        ByteBuffer pdu = ByteBuffer.allocate(12 + data.length);
        pdu.put((byte) PduType.P_DATA_TF).put((byte) 0).putInt(6 + data.length).putInt(2 + data.length)
                .put((byte) contextId).put((byte) control).put(data);
        return pdu.array();
    }

    private static void expectAbort(Socket socket, int reason) throws IOException {
        byte[] answer = readToEnd(socket.getInputStream());
        assertThat(answer).as("an A-ABORT").hasSize(10);
        assertThat(answer[0]).isEqualTo((byte) PduType.A_ABORT);
        assertThat(answer[9]).as("abort reason").isEqualTo((byte) reason);
    }

    private static void expectAbortOrClose(Socket socket) throws IOException {
        byte[] answer = readToEnd(socket.getInputStream());
        if (answer.length > 0) {
            assertThat(answer).hasSize(10);
            assertThat(answer[0]).isEqualTo((byte) PduType.A_ABORT);
        }
    }

    /** Everything until the acceptor closes the connection (the socket's 5 s timeout fails the test). */
    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                bytes.write(b);
            }
        } catch (EOFException | java.net.SocketException e) {
            return bytes.toByteArray();
        }
        return bytes.toByteArray();
    }
}
