package org.harmonyee.dicom.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.PeerProcess;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code find}, {@code get} and {@code move} against DCMTK's dcmqrscp loaded with the dataset:
 * matches at every level and in both roots, as dumps and as JSON; a whole study retrieved (the
 * one mixing JPEG and uncompressed instances included), each file equal to the original after the
 * meta header; moves to storescp and to the command's own receiver; the refusals an operator meets.
 */
class QueryRetrieveCommandsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static Dcmqrscp qr;
    private static Storescp storescp;
    private static int receiverPort;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("qr-commands-test");
        DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
        storescp = Storescp.start(Files.createDirectories(directory.resolve("storescp")), "STORESCP");
        receiverPort = PeerProcess.freePort();
        qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), loader,
                Map.of("STORESCP", storescp.port(), "OPERATOR", receiverPort));
        instances = TestDataset.instances();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (qr != null) {
            qr.close();
        }
        if (storescp != null) {
            storescp.close();
        }
        threads.close();
    }

    private static String[] command(String name, String... arguments) {
        List<String> all = new ArrayList<>(List.of(name, "-aet", "OPERATOR", "-aec", Dcmqrscp.AE_TITLE));
        all.addAll(List.of(arguments));
        all.addAll(List.of("127.0.0.1", Integer.toString(qr.port())));
        return all.toArray(String[]::new);
    }

    private static Set<String> values(String dump, String tag) {
        Matcher matcher = Pattern.compile("^\\(" + Pattern.quote(tag) + "\\) \\w\\w \\[([^\\]]*)\\]", Pattern.MULTILINE)
                .matcher(dump);
        Set<String> values = new TreeSet<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static Set<String> studies() {
        return instances.stream().map(TestDataset.Instance::studyInstanceUid).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<TestDataset.Instance> study(String uid) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    @Test
    void findsEveryStudyAsDumpsWithASummary() {
        ToolRun run = ToolRun.run(command("find", "-S", "-L", "STUDY", "-k", "StudyInstanceUID", "-k", "PatientID"));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(values(run.out(), "0020,000d")).isEqualTo(studies());
        assertThat(run.out()).contains("# match 1\n")
                .endsWith("C-FIND DCMQRSCP@127.0.0.1:" + qr.port() + ": " + studies().size() + " matches, status 0000\n");
    }

    @Test
    void findsPatientsInThePatientRootAndSeriesOfOneStudyAsJson() throws Exception {
        Set<String> patients = instances.stream().map(TestDataset.Instance::patientId).collect(Collectors.toCollection(TreeSet::new));
        ToolRun byPatient = ToolRun.run(command("find", "-P", "-L", "PATIENT", "-k", "PatientID", "-k", "PatientName"));
        assertThat(byPatient.status()).as(byPatient.err()).isZero();
        assertThat(values(byPatient.out(), "0010,0020")).isEqualTo(patients);

        String studyUid = instances.get(0).studyInstanceUid();
        Set<String> series = study(studyUid).stream().map(TestDataset.Instance::seriesInstanceUid)
                .collect(Collectors.toCollection(TreeSet::new));
        ToolRun json = ToolRun.run(command("find", "--json", "-L", "SERIES", "-k", "StudyInstanceUID=" + studyUid,
                "-k", "0020,000E", "-k", "(0008,0060)"));
        assertThat(json.status()).as(json.err()).isZero();
        JsonNode matches = MAPPER.readTree(json.out());
        Set<String> found = new TreeSet<>();
        matches.forEach(match -> found.add(match.path("0020000E").path("Value").path(0).asText()));
        assertThat(found).isEqualTo(series);
        assertThat(matches.get(0).has("00080060")).as("the return key Modality is answered").isTrue();
    }

    @Test
    void findsImagesOfOneSeriesWithAWildcardlessExactKey() {
        TestDataset.Instance first = instances.get(0);
        ToolRun run = ToolRun.run(command("find", "-L", "IMAGE", "-k", "StudyInstanceUID=" + first.studyInstanceUid(),
                "-k", "SeriesInstanceUID=" + first.seriesInstanceUid(), "-k", "SOPInstanceUID"));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(values(run.out(), "0008,0018")).isEqualTo(instances.stream()
                .filter(i -> i.seriesInstanceUid().equals(first.seriesInstanceUid())).map(TestDataset.Instance::sopInstanceUid)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    /** dcmqrscp sends a whole SOP class in the first context accepted for it: --class puts JPEG first for SC. */
    void getsTheStudyMixingJpegAndUncompressedInstancesAsStored() throws Exception {
        String mixed = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit))
                .findFirst().orElseThrow().studyInstanceUid();
        Path target = directory.resolve("get");
        ToolRun run = ToolRun.run(command("get", "-k", "StudyInstanceUID=" + mixed, "-od", target.toString(),
                "--class", "SecondaryCaptureImageStorage=JPEGBaseline8Bit"));
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        List<TestDataset.Instance> expected = study(mixed);
        assertThat(run.out()).isEqualTo("C-GET DCMQRSCP@127.0.0.1:" + qr.port() + ": " + expected.size()
                + " completed, 0 failed, 0 warning, status 0000\n");
        SameInstances.assertReceived(expected, target);
    }

    @Test
    void movesAStudyToStorescpAndToItsOwnReceiver() throws Exception {
        String studyUid = uncompressedStudy();
        List<TestDataset.Instance> expected = study(studyUid);
        ToolRun toStorescp = ToolRun.run(command("move", "-aem", "STORESCP", "-k", "StudyInstanceUID=" + studyUid));
        assertThat(toStorescp.status()).as(toStorescp.err()).isZero();
        assertThat(toStorescp.out()).isEqualTo("C-MOVE DCMQRSCP@127.0.0.1:" + qr.port() + " to STORESCP: "
                + expected.size() + " completed, 0 failed, 0 warning, status 0000\n");
        SameInstances.assertReceived(expected, storescp.output());

        Path target = directory.resolve("moved");
        ToolRun toSelf = ToolRun.run(command("move", "-aem", "OPERATOR", "--port", Integer.toString(receiverPort),
                "-od", target.toString(), "-k", "StudyInstanceUID=" + studyUid));
        assertThat(toSelf.status()).as(toSelf.out() + toSelf.err() + qr.log()).isZero();
        SameInstances.assertReceived(expected, target);
    }

    /** A study without compressed instances: dcmqrscp proposes its native syntaxes for a C-MOVE. */
    private static String uncompressedStudy() {
        return studies().stream().filter(uid -> study(uid).stream().allMatch(i -> i.transferSyntaxUid().startsWith("1.2.840.10008.1.2")
                && !i.transferSyntaxUid().startsWith("1.2.840.10008.1.2.4") && !i.transferSyntaxUid().startsWith("1.2.840.10008.1.2.5")))
                .findFirst().orElseThrow();
    }


    @Test
    void refusalsAreOneLineWithTheStatus() {
        ToolRun unknownDestination = ToolRun.run(command("move", "-aem", "NOWHERE", "-k",
                "StudyInstanceUID=" + instances.get(0).studyInstanceUid()));
        assertThat(unknownDestination.status()).isEqualTo(1);
        assertThat(unknownDestination.err()).startsWith("harmony dicom move: C-MOVE failed: status A801");
        assertThat(unknownDestination.err().lines()).hasSize(1);

        ToolRun wrongCalledAE = ToolRun.run("find", "-aec", "NOBODY", "127.0.0.1", Integer.toString(qr.port()));
        assertThat(wrongCalledAE.status()).isEqualTo(1);
        assertThat(wrongCalledAE.err()).startsWith("harmony dicom find: ").contains("rejected").doesNotContain("\tat ");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(ToolRun.run(command("find", "-k", "NoSuchKeyword=1")).err())
                .contains("unknown keyword 'NoSuchKeyword'").contains("usage: harmony dicom find");
        assertThat(ToolRun.run(command("find", "-L", "PATIENT")).err()).contains("-L PATIENT needs the patient root model (-P)");
        assertThat(ToolRun.run(command("find", "-L", "FRAME")).status()).isEqualTo(2);
        assertThat(ToolRun.run(command("get", "-k", "StudyInstanceUID=1")).err()).contains("-od DIR is required");
        assertThat(ToolRun.run(command("move", "-k", "StudyInstanceUID=1")).err()).contains("-aem DEST is required");
        assertThat(ToolRun.run(command("find", "-k", "Rows=many")).err()).contains("expected a number, got 'many'");
        assertThat(ToolRun.run(command("find", "--key-store", "x.p12")).err()).contains("--key-store needs --tls");
    }
}
