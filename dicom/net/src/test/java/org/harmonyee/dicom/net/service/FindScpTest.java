package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our C-FIND SCP framework driven by DCMTK's findscu: pending responses, failures, and findscu's C-CANCEL. */
class FindScpTest {

    private TestThreads threads;
    private final AtomicReference<CFindScp> handler = new AtomicReference<>();
    private AssociationAcceptor acceptor;

    @BeforeEach
    void start() throws Exception {
        threads = new TestThreads("find-scp-test");
        QueryRetrieveScp queryRetrieve = new QueryRetrieveScp(threads.executor())
                .find((context, identifier, matches) -> handler.get().find(context, identifier, matches));
        acceptor = new AssociationAcceptor(AcceptorConfig.loopback("HARMONY"), new DimseServiceRouter(queryRetrieve),
                threads.executor()).start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        acceptor.close();
        threads.close();
    }

    private static Attributes study(int n) {
        Attributes match = new Attributes();
        match.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        match.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3." + n);
        match.setString(Tag.PatientName, VR.PN, "DOE^JOHN" + n);
        return match;
    }

    private Dcmtk.Result findscu(String... options) throws Exception {
        String[] base = {"-v", "-S", "-aet", "FINDSCU", "-aec", "HARMONY", "-k", "QueryRetrieveLevel=STUDY", "-k",
                "StudyInstanceUID", "-k", "PatientName"};
        String[] arguments = new String[base.length + options.length + 2];
        System.arraycopy(base, 0, arguments, 0, base.length);
        System.arraycopy(options, 0, arguments, base.length, options.length);
        arguments[arguments.length - 2] = "127.0.0.1";
        arguments[arguments.length - 1] = Integer.toString(acceptor.port());
        return Dcmtk.run(60, "findscu", arguments);
    }

    private static int pendingResponses(String output) {
        Matcher matcher = Pattern.compile("Find Response: \\d+ \\(Pending\\)").matcher(output);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void findscuReceivesEveryMatch() throws Exception {
        AtomicReference<String> seenLevel = new AtomicReference<>();
        handler.set((context, identifier, matches) -> {
            seenLevel.set(identifier.getString(Tag.QueryRetrieveLevel));
            for (int i = 1; i <= 10; i++) {
                matches.send(study(i));
            }
        });
        Dcmtk.Result result = findscu();
        assertThat(result.status()).as(result.output()).isZero();
        assertThat(pendingResponses(result.output())).as(result.output()).isEqualTo(10);
        assertThat(result.output()).contains("1.2.3.10").contains("DOE^JOHN7").contains("Received Final Find Response (Success)");
        assertThat(seenLevel.get().strip()).isEqualTo("STUDY");
    }

    @Test
    void aHandlerFailureReachesFindscuWithItsStatus() throws Exception {
        handler.set((context, identifier, matches) -> {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "no such key here");
        });
        Dcmtk.Result result = findscu();
        assertThat(result.output()).contains("Received Final Find Response (Error: DataSetDoesNotMatchSOPClass)");
    }

    @Test
    void findscuCancelStopsTheHandler() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Boolean> stopped = new AtomicReference<>(false);
        handler.set((context, identifier, matches) -> {
            for (int i = 1; i <= 40; i++) {
                if (!matches.send(study(i))) {
                    stopped.set(true);
                    return;
                }
                sent.incrementAndGet();
                sleep();
            }
        });
        Dcmtk.Result result = findscu("--cancel", "3");
        assertThat(result.output()).contains("Received Final Find Response (Cancel: MatchingTerminatedDueToCancelRequest)");
        assertThat(stopped.get()).isTrue();
        assertThat(sent.get()).isLessThan(40);
    }

    @Test
    void ourScuSeesTheFailureStatusAndCommentAndCancelsOurScp() throws Exception {
        DicomClient client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
        AtomicReference<Boolean> stopped = new AtomicReference<>(false);
        handler.set((context, identifier, matches) -> {
            if (identifier.contains(Tag.PatientID)) {
                throw new DimseException(Status.OUT_OF_RESOURCES_NUMBER_OF_MATCHES, "too many matches");
            }
            for (int i = 1; i <= 1000; i++) {
                if (!matches.send(study(i))) {
                    stopped.set(true);
                    return;
                }
                sleep();
            }
        });
        RemoteAE remote = RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port());
        try (ScuAssociation association = client.open(remote,
                Proposal.verification().add(UID.StudyRootQueryRetrieveInformationModelFind, UID.ImplicitVRLittleEndian))) {
            assertThatThrownBy(() -> association.find(UID.StudyRootQueryRetrieveInformationModelFind,
                    Keys.level("STUDY").with(Tag.PatientID, VR.LO, "X").build()))
                    .isInstanceOfSatisfying(DimseException.class, e -> {
                        assertThat(e.status()).isEqualTo(Status.OUT_OF_RESOURCES_NUMBER_OF_MATCHES);
                        assertThat(e.errorComment()).isEqualTo("too many matches");
                    });
            int[] received = new int[1];
            int status = association.find(UID.StudyRootQueryRetrieveInformationModelFind, Keys.level("STUDY").build(),
                    match -> ++received[0] < 5);
            assertThat(status).isEqualTo(Status.CANCEL);
            assertThat(received[0]).isEqualTo(5);
            assertThat(stopped.get()).isTrue();

            stopped.set(false);
            try (FindResults results = association.findResults(UID.StudyRootQueryRetrieveInformationModelFind,
                    Keys.level("STUDY").build())) {
                assertThat(Keys.text(results.next(), Tag.StudyInstanceUID)).isEqualTo("1.2.3.1");
                assertThat(Keys.text(results.next(), Tag.StudyInstanceUID)).isEqualTo("1.2.3.2");
            }
            assertThat(stopped.get()).as("closing the results cancelled the handler").isTrue();
            assertThat(association.echo()).isZero();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
