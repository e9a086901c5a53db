package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.archive.DirectoryArchive;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Our C-GET and C-MOVE SCP driven by DCMTK's getscu and movescu, moving to storescp through the AE table. */
class RetrieveScpTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Storescp storescp;
    private static AssociationAcceptor acceptor;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("retrieve-scp-test");
        instances = TestDataset.instances();
        storescp = Storescp.start(Files.createDirectories(directory.resolve("storescp")), "STORESCP");
        DirectoryArchive archive = DirectoryArchive.open(TestDataset.directory());
        DicomClient moveClient = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
        QueryRetrieveScp queryRetrieve = new QueryRetrieveScp(threads.executor()).find(archive).get(archive)
                .move(archive, moveClient, AeTable.of(RemoteAE.plain("STORESCP", "127.0.0.1", storescp.port())));
        acceptor = new AssociationAcceptor(AcceptorConfig.loopback("HARMONY"), new DimseServiceRouter(queryRetrieve),
                threads.executor()).start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (acceptor != null) {
            acceptor.close();
        }
        if (storescp != null) {
            storescp.close();
        }
        threads.close();
    }

    private static List<TestDataset.Instance> study(String uid) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    private static String mixedStudy() {
        return instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).findFirst()
                .orElseThrow().studyInstanceUid();
    }

    private static String port() {
        return Integer.toString(acceptor.port());
    }

    @Test
    void getscuRetrievesEveryUncompressedStudy() throws Exception {
        Set<String> studies = new LinkedHashSet<>();
        instances.forEach(i -> studies.add(i.studyInstanceUid()));
        studies.remove(mixedStudy());
        for (String uid : studies) {
            Path output = Files.createDirectories(directory.resolve("getscu").resolve(uid));
            Dcmtk.Result result = Dcmtk.run(120, "getscu", "+B", "-S", "-aet", "GETSCU", "-aec", "HARMONY", "-k",
                    "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + uid, "-od", output.toString(), "127.0.0.1", port());
            assertThat(result.status()).as(result.output()).isZero();
            assertThat(result.output()).doesNotContain("Failed").doesNotContain("Warning");
            SameInstances.assertReceived(study(uid), output);
        }
    }

    @Test
    void getscuOfTheMixedStudyGetsTheUncompressedAndAWarningForTheJpeg() throws Exception {
        String uid = mixedStudy();
        Path output = Files.createDirectories(directory.resolve("getscu-mixed"));
        Dcmtk.Result result = Dcmtk.run(120, "getscu", "+B", "-v", "-S", "-aec", "HARMONY", "-k", "QueryRetrieveLevel=STUDY", "-k",
                "StudyInstanceUID=" + uid, "-od", output.toString(), "127.0.0.1", port());
        List<TestDataset.Instance> uncompressed = study(uid).stream()
                .filter(i -> !i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).toList();
        assertThat(result.output()).contains("Warning");
        SameInstances.assertReceived(uncompressed, output);
    }

    @Test
    void movescuToStorescpThroughTheAeTable() throws Exception {
        String uid = mixedStudy();
        Dcmtk.Result result = Dcmtk.run(120, "movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "HARMONY", "-aem", "STORESCP",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + uid, "127.0.0.1", port());
        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("Received Final Move Response (Success)");
        SameInstances.assertReceived(study(uid), storescp.output());
    }

    @Test
    void movescuToAnUnknownDestinationGetsA801() throws Exception {
        Dcmtk.Result result = Dcmtk.run(60, "movescu", "-v", "-S", "-aec", "HARMONY", "-aem", "NOWHERE", "-k",
                "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + mixedStudy(), "127.0.0.1", port());
        assertThat(result.output()).contains("Received Final Move Response (Refused: MoveDestinationUnknown)");
    }
}
