package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.pdu.AAssociateAC;
import org.harmonyee.dicom.net.pdu.AssociatePduEncoder;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The requestor's timers against a raw peer that goes silent: request timeout, DIMSE response timeout. */
class TimersTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(500),
            Duration.ofMillis(500), Duration.ofMillis(500), Duration.ZERO);

    /** A peer that reads the A-ASSOCIATE-RQ, optionally accepts it, then reads and never answers. */
    private static CompletableFuture<Void> silentPeer(ServerSocket server, boolean accept) {
        return CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                in.readUnsignedShort();
                in.readFully(new byte[in.readInt()]);
                if (accept) {
                    AAssociateAC ac = new AAssociateAC();
                    ac.callingAETitle("HARMONY");
                    ac.calledAETitle("SILENT");
                    ac.maxLength(16384);
                    ac.implementationClassUid("1.2.3");
                    ac.addPresentationContext(PresentationContext.accepted(1, UID.ExplicitVRLittleEndian));
                    socket.getOutputStream().write(AssociatePduEncoder.encode(ac));
                }
                InputStream rest = socket.getInputStream();
                while (rest.read() >= 0) {
                    // silent: read whatever comes until the requestor gives up and closes
                }
            } catch (IOException e) {
                // the requestor closed the connection: what the test waits for
            }
        });
    }

    @Test
    void noAssociateAnswerFailsWithinTheRequestTimeout() throws Exception {
        try (TestThreads threads = new TestThreads("timers-test");
             ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> peer = silentPeer(server, false);
            DicomClient client = new DicomClient("HARMONY", AssociationSettings.DEFAULT.withTimeouts(SHORT),
                    threads.executor(), null);
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.open(RemoteAE.plain("SILENT", "127.0.0.1", server.getLocalPort()),
                    Proposal.verification())).isInstanceOf(IOException.class).hasMessageContaining("no A-ASSOCIATE-AC");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            peer.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSilentPeerAbortsTheAssociationAtTheDimseTimeout() throws Exception {
        try (TestThreads threads = new TestThreads("timers-test");
             ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> peer = silentPeer(server, true);
            DicomClient client = new DicomClient("HARMONY", AssociationSettings.DEFAULT.withTimeouts(SHORT),
                    threads.executor(), null);
            ScuAssociation association = client.open(RemoteAE.plain("SILENT", "127.0.0.1", server.getLocalPort()),
                    Proposal.verification());
            long start = System.nanoTime();
            assertThatThrownBy(association::echo).isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(AssociationTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(association.isOpen()).isFalse();
            association.close();
            peer.get(5, TimeUnit.SECONDS);
        }
    }
}
