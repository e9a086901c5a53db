package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The acceptor's per-association policy, after the negotiation, with echoscu as the requestor; close() and the port. */
class AssociationPolicyTest {

    private final TestThreads threads = new TestThreads("policy-test");

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    @Test
    void thePolicySeesTheNegotiatedAssociationAndItsRejectionIsSent() throws Exception {
        AssociationPolicy callerCheck = (name, rq, ac, peer) -> rq.callingAETitle().equals("TRUSTED")
                ? AssociationPolicy.Verdict.ACCEPT
                : AssociationPolicy.Verdict.reject(new AAssociateRJ(AAssociateRJ.REJECTED_PERMANENT,
                AAssociateRJ.SOURCE_SERVICE_USER, AAssociateRJ.CALLING_AE_TITLE_NOT_RECOGNIZED), "not trusted");
        try (AssociationAcceptor acceptor = start(callerCheck)) {
            String port = Integer.toString(acceptor.port());

            assertThat(Dcmtk.run(30, "echoscu", "-aet", "TRUSTED", "-aec", "ANY", "127.0.0.1", port).status()).isZero();
            Dcmtk.Result other = Dcmtk.run(30, "echoscu", "-aet", "STRANGER", "-aec", "ANY", "127.0.0.1", port);
            assertThat(other.status()).isNotZero();
            assertThat(other.output()).contains("Calling AE Title Not Recognized");
        }
    }

    @Test
    void aFailingPolicyRejectsTransiently() throws Exception {
        try (AssociationAcceptor acceptor = start((name, rq, ac, peer) -> {
            throw new IllegalStateException("directory down");
        })) {
            Dcmtk.Result echo = Dcmtk.run(30, "echoscu", "-aec", "ANY", "127.0.0.1", Integer.toString(acceptor.port()));

            assertThat(echo.output()).contains("Rejected Transient");
        }
    }

    @Test
    void whenCloseReturnsThePortIsClosed() throws Exception {
        for (int round = 0; round < 20; round++) {
            AssociationAcceptor acceptor = start(AssociationPolicy.ACCEPT_ALL);
            int port = acceptor.port();

            acceptor.close();

            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }

    private AssociationAcceptor start(AssociationPolicy policy) throws Exception {
        AcceptorConfig anyCalled = new AcceptorConfig("127.0.0.1", 0, Set.of(), Set.of(), TransferCapabilities.defaults(),
                AcceptorConfig.DEFAULT_MAX_ASSOCIATIONS, AssociationSettings.DEFAULT, null);
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(threads.executor()));
        return new AssociationAcceptor(anyCalled, router, threads.executor()).policy(policy).start();
    }
}
