package org.harmonyee.it;

import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DIMSE through the gateway's router pipeline ({@code ROUTER_IT}, pipelines/dicom.toml), each
 * DCMTK call compared with the same call made directly to the PACS behind it: findscu at every
 * level in both roots, getscu of a study mixing JPEG and uncompressed instances, movescu to a
 * storescp the endpoint knows, storescu of the whole dataset.
 */
@ExtendWith(ArquillianExtension.class)
class DimseRoutingIT {

    private static final String ROUTER = "ROUTER_IT";
    private static List<TestDataset.Instance> instances;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Deployments.gateway();
    }

    @BeforeAll
    static void dataset() throws IOException {
        instances = TestDataset.instances();
    }

    @Test
    void findscuAtEveryLevelInBothRootsGetsWhatThePacsAnswers() throws Exception {
        TestDataset.Instance any = mixedStudy().get(0);
        Map<String, List<String>> queries = Map.of(
                "(0010,0020)", List.of("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID", "-k", "PatientName"),
                "(0020,000d)", List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID",
                        "-k", "PatientID=PAT*"),
                "(0020,000e)", List.of("-S", "-k", "QueryRetrieveLevel=SERIES", "-k",
                        "StudyInstanceUID=" + any.studyInstanceUid(), "-k", "SeriesInstanceUID", "-k", "Modality"),
                "(0008,0018)", List.of("-P", "-k", "QueryRetrieveLevel=IMAGE", "-k", "PatientID=" + any.patientId(),
                        "-k", "StudyInstanceUID=" + any.studyInstanceUid(), "-k",
                        "SeriesInstanceUID=" + any.seriesInstanceUid(), "-k", "SOPInstanceUID"));
        try (TestPacs pacs = TestPacs.start(pacsPort())) {
            for (Map.Entry<String, List<String>> query : queries.entrySet()) {
                Dcmtk.Result routed = call("findscu", ROUTER, dicomPort(), query.getValue());
                Dcmtk.Result direct = call("findscu", TestPacs.AE_TITLE, pacsPort(), query.getValue());

                assertThat(routed.status()).as(routed.output()).isZero();
                assertThat(values(routed.output(), query.getKey())).as(query.getValue() + " through the gateway")
                        .isNotEmpty().isEqualTo(values(direct.output(), query.getKey()));
            }
        }
    }

    @Test
    void getscuOfAStudyMixingJpegAndUncompressedGetsWhatThePacsGives(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> study = mixedStudy();
        List<String> keys = List.of("+B", "-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                "StudyInstanceUID=" + study.get(0).studyInstanceUid());
        try (TestPacs pacs = TestPacs.start(pacsPort())) {
            Path routed = Files.createDirectories(directory.resolve("routed"));
            Path direct = Files.createDirectories(directory.resolve("direct"));
            Dcmtk.Result throughGateway = call("getscu", ROUTER, dicomPort(), with(keys, "-od", routed.toString()));
            Dcmtk.Result fromPacs = call("getscu", TestPacs.AE_TITLE, pacsPort(), with(keys, "-od", direct.toString()));

            List<TestDataset.Instance> uncompressed = study.stream()
                    .filter(i -> !i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).toList();
            SameInstances.assertReceived(uncompressed, routed);
            assertThat(files(routed)).isEqualTo(files(direct));
            assertThat(finalResponse(throughGateway.output(), "Get")).as(throughGateway.output())
                    .isEqualTo(finalResponse(fromPacs.output(), "Get")).contains("Warning");
        }
    }

    @Test
    void getscuOfAnUncompressedStudySucceedsWithEveryInstance(@TempDir Path directory) throws Exception {
        String uid = instances.stream().filter(i -> !i.studyInstanceUid().equals(mixedStudy().get(0).studyInstanceUid()))
                .findFirst().orElseThrow().studyInstanceUid();
        try (TestPacs pacs = TestPacs.start(pacsPort())) {
            Dcmtk.Result get = call("getscu", ROUTER, dicomPort(), List.of("+B", "-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                    "StudyInstanceUID=" + uid, "-od", directory.toString()));

            assertThat(get.status()).as(get.output()).isZero();
            assertThat(finalResponse(get.output(), "Get")).as(get.output()).contains("Success");
            SameInstances.assertReceived(study(uid), directory);
        }
    }

    @Test
    void movescuSendsTheStudyToTheDestinationTheEndpointKnows(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> study = mixedStudy();
        try (TestPacs pacs = TestPacs.start(pacsPort());
             Storescp storescp = Storescp.start(directory, "IT_STORESCP", Gateway.port("IT_STORE_PORT"))) {
            Dcmtk.Result move = call("movescu", ROUTER, dicomPort(), List.of("-S", "-aem", "IT_STORESCP",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.get(0).studyInstanceUid()));

            assertThat(move.status()).as(move.output()).isZero();
            assertThat(finalResponse(move.output(), "Move")).as(move.output()).contains("Success");
            SameInstances.assertReceived(study, storescp.output());
        }
    }

    @Test
    void movescuToADestinationTheEndpointDoesNotKnowIsRefusedA801() throws Exception {
        try (TestPacs pacs = TestPacs.start(pacsPort())) {
            Dcmtk.Result move = call("movescu", ROUTER, dicomPort(), List.of("-S", "-aem", "NOWHERE",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + mixedStudy().get(0).studyInstanceUid()));

            assertThat(finalResponse(move.output(), "Move")).as(move.output())
                    .contains("Refused: MoveDestinationUnknown");
        }
    }

    @Test
    void storescuOfTheWholeDatasetReachesThePacsAsSent(@TempDir Path directory) throws Exception {
        Path stored = Files.createDirectories(directory.resolve("stored"));
        try (TestPacs pacs = TestPacs.start(pacsPort(), stored)) {
            for (Map.Entry<String, String> syntax : Map.of(UID.ImplicitVRLittleEndian, "-xi",
                    UID.ExplicitVRLittleEndian, "-xe", UID.JPEGBaseline8Bit, "-xy").entrySet()) {
                List<String> files = instances.stream().filter(i -> i.transferSyntaxUid().equals(syntax.getKey()))
                        .map(i -> i.file().toString()).toList();
                Dcmtk.Result store = call("storescu", ROUTER, dicomPort(), List.of("-R", syntax.getValue()), files);

                assertThat(store.status()).as(store.output()).isZero();
                assertThat(store.output()).doesNotContain("Failed").doesNotContain("Abort");
            }
        }
        SameInstances.assertReceived(instances, stored);
    }

    @Test
    void transformsCoerceTheIdentifierOnTheWayInAndEachMatchOnTheWayOut() throws Exception {
        String patient = mixedStudy().get(0).patientId();
        List<String> lowerCase = List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID",
                "-k", "AccessionNumber", "-k", "PatientID=" + patient.toLowerCase(java.util.Locale.ROOT));
        List<String> upperCase = List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID",
                "-k", "AccessionNumber", "-k", "PatientID=" + patient);
        try (TestPacs pacs = TestPacs.start(pacsPort())) {
            Dcmtk.Result guarded = call("findscu", "GUARDED_IT", dicomPort(), lowerCase);
            Dcmtk.Result direct = call("findscu", TestPacs.AE_TITLE, pacsPort(), upperCase);
            Dcmtk.Result uncoerced = call("findscu", TestPacs.AE_TITLE, pacsPort(), lowerCase);

            assertThat(values(uncoerced.output(), "(0020,000d)")).as("the PACS matches PatientID exactly").isEmpty();
            assertThat(values(guarded.output(), "(0020,000d)")).as(guarded.output()).isNotEmpty()
                    .isEqualTo(values(direct.output(), "(0020,000d)"));
            List<String> accessions = values(direct.output(), "(0008,0050)").stream().filter(v -> !v.isEmpty())
                    .map(v -> "GW-" + v).sorted().toList();
            assertThat(accessions).isNotEmpty();
            assertThat(values(guarded.output(), "(0008,0050)").stream().filter(v -> !v.isEmpty()).toList())
                    .isEqualTo(accessions);
        }
    }

    @Test
    void theFilterRefusesWhatItDoesNotAllowWithC000AndTheReason() throws Exception {
        List<String> query = List.of("-d", "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID");
        try (TestPacs pacs = TestPacs.start(pacsPort())) {
            Dcmtk.Result get = call("getscu", "GUARDED_IT", dicomPort(), query);
            List<String> stranger = new ArrayList<>(List.of("-aet", "STRANGER"));
            stranger.addAll(query);
            Dcmtk.Result find = Dcmtk.run(60, "findscu", with(stranger, "-aec", "GUARDED_IT", "127.0.0.1",
                    String.valueOf(dicomPort())).toArray(String[]::new));

            assertThat(get.output()).contains("0xc000").contains("only_find_from_it_scu: C-GET not allowed");
            assertThat(find.output()).contains("Received Final Find Response").contains("0xc000")
                    .contains("only_find_from_it_scu: calling AE STRANGER not allowed").doesNotContain("Abort");
        }
    }

    @Test
    void aPipelineBehindAuthenticationRefusesACallerWithoutCredentials0124() throws Exception {
        Dcmtk.Result find = call("findscu", "LOCKED_IT", dicomPort(), List.of("-d", "-S", "-k",
                "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID"));

        assertThat(find.output()).contains("Received Final Find Response").contains("0x0124")
                .doesNotContain("Abort");
    }

    /** A DCMTK call as IT_SCU to {@code calledAeTitle}, the options before the address. */
    private static Dcmtk.Result call(String tool, String calledAeTitle, int port, List<String> options)
            throws IOException, InterruptedException {
        return call(tool, calledAeTitle, port, options, List.of());
    }

    /** As {@link #call(String, String, int, List)}, with files after the address. */
    private static Dcmtk.Result call(String tool, String calledAeTitle, int port, List<String> options,
                                     List<String> files) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-v", "-aet", "IT_SCU", "-aec", calledAeTitle));
        arguments.addAll(options);
        arguments.add("127.0.0.1");
        arguments.add(String.valueOf(port));
        arguments.addAll(files);
        return Dcmtk.run(180, tool, arguments.toArray(String[]::new));
    }

    private static List<String> with(List<String> options, String... more) {
        return Stream.concat(options.stream(), Stream.of(more)).toList();
    }

    /** The values of one attribute over every match findscu printed, sorted. */
    private static List<String> values(String findscuOutput, String tag) {
        return findscuOutput.lines().filter(line -> line.contains(tag + " ") && line.contains("["))
                .map(line -> line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')).strip()).sorted().toList();
    }

    /**
     * DCMTK's summary of the final response, e.g. {@code (Success)} or {@code (Warning)}: movescu
     * prints "Received Final Move Response", getscu its last "Received C-GET Response".
     */
    private static String finalResponse(String output, String operation) {
        List<String> finals = output.lines().filter(line -> line.contains("Received Final " + operation + " Response")
                        || line.contains("Received C-" + operation.toUpperCase(java.util.Locale.ROOT) + " Response"))
                .filter(line -> !line.contains("(Pending)"))
                .map(line -> line.substring(line.indexOf("Response") + "Response".length()).strip()).toList();
        return finals.isEmpty() ? "no final " + operation + " response" : finals.get(finals.size() - 1);
    }

    private static Set<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<TestDataset.Instance> mixedStudy() {
        return study(instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).findFirst()
                .orElseThrow().studyInstanceUid());
    }

    private static List<TestDataset.Instance> study(String uid) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    private static int dicomPort() {
        return Gateway.port("IT_DICOM_PORT");
    }

    private static int pacsPort() {
        return Gateway.port("IT_PACS_PORT");
    }
}
