package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C-ECHO both ways with DCMTK: our SCU against dcmqrscp, echoscu against our acceptor; rejections. */
class EchoInteropTest {

    private TestThreads threads;
    private DicomClient client;

    @BeforeEach
    void threads() {
        threads = new TestThreads("echo-test");
        client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
    }

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        threads.close();
    }

    @Test
    void ourEchoScuAgainstDcmqrscp(@TempDir Path directory) throws Exception {
        try (Dcmqrscp qr = Dcmqrscp.start(directory, Map.of())) {
            RemoteAE remote = RemoteAE.plain(Dcmqrscp.AE_TITLE, "127.0.0.1", qr.port());
            try (ScuAssociation association = client.open(remote, Proposal.verification())) {
                assertThat(association.echo()).isZero();
                assertThat(association.echo()).isZero();
                assertThat(association.association().associateAC().implementationClassUid()).startsWith("1.2.276.0.7230010");
            }
            threads.awaitActive(0, 2000);
            assertThat(qr.log()).doesNotContain("Error");
        }
    }

    @Test
    void dcmqrscpRejectsAnUnknownCalledAETitle(@TempDir Path directory) throws Exception {
        try (Dcmqrscp qr = Dcmqrscp.start(directory, Map.of())) {
            RemoteAE remote = RemoteAE.plain("NOBODY", "127.0.0.1", qr.port());
            assertThatThrownBy(() -> client.open(remote, Proposal.verification()))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                        assertThat(e.reject().result()).isEqualTo(AAssociateRJ.REJECTED_PERMANENT);
                        assertThat(e.reject().reason()).isEqualTo(AAssociateRJ.CALLED_AE_TITLE_NOT_RECOGNIZED);
                    });
        }
    }

    @Test
    void echoscuAgainstOurAcceptor() throws Exception {
        AcceptorConfig config = AcceptorConfig.loopback("HARMONY").withCallingAETitles(Set.of("ECHOSCU", "HARMONY"));
        try (AssociationAcceptor acceptor = start(config)) {
            String port = Integer.toString(acceptor.port());
            Dcmtk.Result ok = Dcmtk.run(30, "echoscu", "-v", "-aet", "ECHOSCU", "-aec", "HARMONY", "--repeat", "3", "127.0.0.1", port);
            assertThat(ok.status()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("Received Echo Response (Success)");

            Dcmtk.Result wrongCalled = Dcmtk.run(30, "echoscu", "-aet", "ECHOSCU", "-aec", "OTHER", "127.0.0.1", port);
            assertThat(wrongCalled.status()).isNotZero();
            assertThat(wrongCalled.output()).containsIgnoringCase("Called AE Title Not Recognized");

            Dcmtk.Result wrongCalling = Dcmtk.run(30, "echoscu", "-aet", "STRANGER", "-aec", "HARMONY", "127.0.0.1", port);
            assertThat(wrongCalling.status()).isNotZero();
            assertThat(wrongCalling.output()).containsIgnoringCase("Calling AE Title Not Recognized");
            TestThreads.awaitNoAssociation(acceptor);
        }
    }

    @Test
    void aboveTheLimitIsATransientLocalLimitRejection() throws Exception {
        try (AssociationAcceptor acceptor = start(AcceptorConfig.loopback("HARMONY").withMaxAssociations(2))) {
            RemoteAE remote = RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port());
            try (ScuAssociation first = client.open(remote, Proposal.verification());
                 ScuAssociation second = client.open(remote, Proposal.verification())) {
                assertThatThrownBy(() -> client.open(remote, Proposal.verification()))
                        .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                            assertThat(e.reject().result()).isEqualTo(AAssociateRJ.REJECTED_TRANSIENT);
                            assertThat(e.reject().source()).isEqualTo(AAssociateRJ.SOURCE_SERVICE_PROVIDER_PRESENTATION);
                            assertThat(e.reject().reason()).isEqualTo(AAssociateRJ.LOCAL_LIMIT_EXCEEDED);
                        });
                Dcmtk.Result echoscu = Dcmtk.run(30, "echoscu", "-aec", "HARMONY", "127.0.0.1",
                        Integer.toString(acceptor.port()));
                assertThat(echoscu.output()).containsIgnoringCase("Local Limit Exceeded");
                assertThat(first.echo()).isZero();
                assertThat(second.echo()).isZero();
            }
            TestThreads.awaitNoAssociation(acceptor);
            try (ScuAssociation again = client.open(remote, Proposal.verification())) {
                assertThat(again.echo()).isZero();
            }
            TestThreads.awaitNoAssociation(acceptor);
        }
    }

    private AssociationAcceptor start(AcceptorConfig config) throws Exception {
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(threads.executor()));
        return new AssociationAcceptor(config, router, threads.executor()).start();
    }
}
