package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.pdu.AAssociateRJ;
import org.harmonyee.dicom.net.pdu.UserIdentity;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.DirectoryStorage;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * User Identity Negotiation on our acceptor, with DCMTK's storescu (echoscu 3.6.7 has no identity
 * options) and with our own SCU: the right passcode associates, and gets the positive response it
 * asked for; a wrong one, a missing one while required, and a failing verifier are rejected.
 */
class UserIdentityTest {

    private static final UserIdentityVerifier ALICE = UserIdentityVerifier.passcodes(Map.of("alice", "s3cret-π"));

    @TempDir
    Path directory;
    private TestThreads threads;
    private DicomClient client;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void threads() {
        threads = new TestThreads("identity-test");
        client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
    }

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        threads.close();
    }

    private AssociationAcceptor start(UserIdentityVerifier verifier, boolean required) throws Exception {
        UserIdentityVerifier recording = verifier == null ? null : (identity, calling, called) -> {
            seen.add(calling + "->" + called + " type " + identity.type());
            return verifier.verify(identity, calling, called);
        };
        AcceptorConfig config = AcceptorConfig.loopback("HARMONY").withUserIdentity(recording, required);
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(threads.executor()))
                .store(new DirectoryStorage(directory.resolve("received")));
        return new AssociationAcceptor(config, router, threads.executor()).start();
    }

    private static Dcmtk.Result storescu(AssociationAcceptor acceptor, String... identity) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-v", "-aet", "STORESCU", "-aec", "HARMONY"));
        arguments.addAll(List.of(identity));
        arguments.addAll(List.of("127.0.0.1", Integer.toString(acceptor.port()), file().toString()));
        return Dcmtk.run(60, "storescu", arguments.toArray(String[]::new));
    }

    /** storescu's debug dump of the A-ASSOCIATE-AC it received. */
    private static String associateAC(Dcmtk.Result result) {
        String output = result.output();
        int begin = output.indexOf("BEGIN A-ASSOCIATE-AC");
        int end = output.indexOf("END A-ASSOCIATE-AC");
        assertThat(begin).as(output).isNotNegative();
        return output.substring(begin, end);
    }

    private static Path file() throws Exception {
        return TestDataset.instances().get(0).file();
    }

    private long received() throws Exception {
        Path received = directory.resolve("received");
        if (!Files.isDirectory(received)) {
            return 0;
        }
        try (var files = Files.list(received)) {
            return files.count();
        }
    }

    @Test
    void storescuWithTheRightPasscodeStoresAndGetsThePositiveResponseItAskedFor() throws Exception {
        try (AssociationAcceptor acceptor = start(ALICE, true)) {
            Dcmtk.Result plain = storescu(acceptor, "-d", "-usr", "alice", "-pwd", "s3cret-π");
            assertThat(plain.status()).as(plain.output()).isZero();
            assertThat(associateAC(plain)).contains("User Identity Negotiation Response:  none");
            Dcmtk.Result positive = storescu(acceptor, "-d", "-usr", "alice", "-pwd", "s3cret-π", "-rsp");
            assertThat(positive.status()).as(positive.output()).isZero();
            assertThat(associateAC(positive)).contains("User Identity Negotiation Response:")
                    .contains("Server Response (not dumped) length: 0");
            assertThat(received()).isEqualTo(1);
            assertThat(seen).containsExactly("STORESCU->HARMONY type 2", "STORESCU->HARMONY type 2");
            TestThreads.awaitNoAssociation(acceptor);
        }
    }

    @Test
    void storescuWithAWrongPasscodeOrNoneIsRejected() throws Exception {
        try (AssociationAcceptor acceptor = start(ALICE, true)) {
            for (String[] identity : List.of(new String[] {"-usr", "alice", "-pwd", "guess"},
                    new String[] {"-usr", "mallory", "-pwd", "s3cret-π"}, new String[] {"-usr", "alice"},
                    new String[0])) {
                Dcmtk.Result result = storescu(acceptor, identity);
                assertThat(result.status()).as(result.output()).isNotZero();
                assertThat(result.output()).as(String.join(" ", identity)).containsIgnoringCase("Association Rejected")
                        .containsIgnoringCase("Rejected Permanent");
            }
            assertThat(received()).isZero();
            TestThreads.awaitNoAssociation(acceptor);
        }
    }

    @Test
    void ourScuSendsItsIdentityAndReadsThePositiveResponse() throws Exception {
        try (AssociationAcceptor acceptor = start(ALICE, true)) {
            RemoteAE remote = RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port());
            try (ScuAssociation association = client.open(remote, Proposal.verification()
                    .userIdentity(UserIdentity.usernameAndPasscode("alice", "s3cret-π", true)))) {
                assertThat(association.echo()).isZero();
                assertThat(association.association().associateAC().userIdentityServerResponse())
                        .as("a positive response, zero-length for a passcode (PS3.7 D.3.3.7.2)").isEmpty();
            }
            try (ScuAssociation association = client.open(remote, Proposal.verification()
                    .userIdentity(UserIdentity.usernameAndPasscode("alice", "s3cret-π", false)))) {
                assertThat(association.association().associateAC().userIdentityServerResponse())
                        .as("no response when none was asked for").isNull();
            }
            assertRejected(remote, UserIdentity.usernameAndPasscode("alice", "s3cret-", true), AAssociateRJ.REJECTED_PERMANENT);
            assertRejected(remote, UserIdentity.username("alice", true), AAssociateRJ.REJECTED_PERMANENT);
            assertRejected(remote, null, AAssociateRJ.REJECTED_PERMANENT);
            TestThreads.awaitNoAssociation(acceptor);
        }
    }

    @Test
    void anOptionalIdentityMayBeAbsentButNotWrong() throws Exception {
        try (AssociationAcceptor acceptor = start(ALICE, false)) {
            RemoteAE remote = RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port());
            try (ScuAssociation association = client.open(remote, Proposal.verification())) {
                assertThat(association.echo()).isZero();
            }
            assertRejected(remote, UserIdentity.usernameAndPasscode("alice", "wrong", false), AAssociateRJ.REJECTED_PERMANENT);
            assertThat(seen).hasSize(1);
        }
    }

    @Test
    void withoutAVerifierEveryIdentityIsAcceptedUnanswered() throws Exception {
        try (AssociationAcceptor acceptor = start(null, false)) {
            RemoteAE remote = RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port());
            try (ScuAssociation association = client.open(remote, Proposal.verification()
                    .userIdentity(UserIdentity.usernameAndPasscode("anyone", "anything", true)))) {
                assertThat(association.echo()).isZero();
                assertThat(association.association().associateAC().userIdentityServerResponse()).isNull();
            }
        }
    }

    @Test
    void aFailingVerifierIsATransientRejectionAndAServerResponseGoesBack() throws Exception {
        UserIdentityVerifier saml = (identity, calling, called) -> {
            if (new String(identity.primaryField(), StandardCharsets.UTF_8).equals("<down/>")) {
                throw new IllegalStateException("the identity provider is down");
            }
            return UserIdentityVerifier.Verdict.accept("<samlp:Response/>".getBytes(StandardCharsets.UTF_8));
        };
        try (AssociationAcceptor acceptor = start(saml, true)) {
            RemoteAE remote = RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port());
            UserIdentity assertion = new UserIdentity(UserIdentity.SAML, true, "<saml:Assertion/>".getBytes(StandardCharsets.UTF_8), null);
            try (ScuAssociation association = client.open(remote, Proposal.verification().userIdentity(assertion))) {
                assertThat(association.association().associateAC().userIdentityServerResponse())
                        .asString(StandardCharsets.UTF_8).isEqualTo("<samlp:Response/>");
            }
            assertRejected(remote, new UserIdentity(UserIdentity.SAML, true, "<down/>".getBytes(StandardCharsets.UTF_8), null),
                    AAssociateRJ.REJECTED_TRANSIENT);
            TestThreads.awaitNoAssociation(acceptor);
        }
    }

    @Test
    void aRequiredIdentityNeedsAVerifier() {
        assertThatThrownBy(() -> AcceptorConfig.loopback("HARMONY").withUserIdentity(null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userIdentityVerifier");
    }

    private void assertRejected(RemoteAE remote, UserIdentity identity, int result) {
        assertThatThrownBy(() -> client.open(remote, Proposal.verification().userIdentity(identity)))
                .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                    assertThat(e.reject().result()).isEqualTo(result);
                    assertThat(e.reject().source()).isEqualTo(AAssociateRJ.SOURCE_SERVICE_PROVIDER_ACSE);
                    assertThat(e.reject().reason()).isEqualTo(AAssociateRJ.NO_REASON_GIVEN);
                });
    }
}
