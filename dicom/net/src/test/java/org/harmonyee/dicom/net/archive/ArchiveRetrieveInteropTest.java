package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.peers.DataSetBytes;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.AeTable;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCMTK's getscu and movescu against our archive over the dataset: what arrives is the stored
 * files, data set byte for byte after the meta header, in their own transfer syntax; C-MOVE goes to
 * storescp through the AE table.
 */
class ArchiveRetrieveInteropTest {

    @TempDir
    static Path directory;
    private static ArchiveServer archive;
    private static Storescp storescp;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        instances = TestDataset.instances();
        storescp = Storescp.start(Files.createDirectories(directory.resolve("storescp")), "STORESCP");
        archive = ArchiveServer.start(TestDataset.directory(),
                AeTable.of(RemoteAE.plain("STORESCP", "127.0.0.1", storescp.port())));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (archive != null) {
            archive.close();
        }
        storescp.close();
    }

    /** Every instance of {@code expected} arrived under {@code received}, its data set unchanged; nothing else. */
    static void assertSameFiles(List<TestDataset.Instance> expected, Path received) throws Exception {
        Map<String, Path> files = DataSetBytes.bySopInstance(received);
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream()
                .map(TestDataset.Instance::sopInstanceUid).toList());
        for (TestDataset.Instance instance : expected) {
            Path copy = files.get(instance.sopInstanceUid());
            assertThat(FileMetaInformation.read(copy).transferSyntaxUid()).isEqualTo(instance.transferSyntaxUid());
            assertThat(DataSetBytes.mismatch(instance.file(), copy)).as(instance.file() + " vs " + copy).isEqualTo(-1);
        }
    }

    private static List<TestDataset.Instance> where(Predicate<TestDataset.Instance> filter) {
        return instances.stream().filter(filter).toList();
    }

    /** A study with an instance in {@code transferSyntax}. */
    private static String studyWith(String transferSyntax) {
        return studies().stream().filter(study -> where(i -> i.studyInstanceUid().equals(study)).stream()
                .anyMatch(i -> i.transferSyntaxUid().equals(transferSyntax))).findFirst().orElseThrow();
    }

    /** A study all in {@code transferSyntax}. */
    private static String studyAllIn(String transferSyntax) {
        return studies().stream().filter(study -> where(i -> i.studyInstanceUid().equals(study)).stream()
                .allMatch(i -> i.transferSyntaxUid().equals(transferSyntax))).findFirst().orElseThrow();
    }

    private static List<String> studies() {
        return instances.stream().map(TestDataset.Instance::studyInstanceUid).distinct().toList();
    }

    /** @param root {@code -P} or {@code -S} */
    private static Dcmtk.Result getscu(Path output, String root, String... keys) throws Exception {
        Files.createDirectories(output);
        List<String> arguments = new java.util.ArrayList<>(List.of("+B", "-v", root, "-aet", "GETSCU", "-aec",
                ArchiveServer.AE_TITLE, "-od", output.toString()));
        for (String key : keys) {
            arguments.addAll(List.of("-k", key));
        }
        arguments.addAll(List.of("127.0.0.1", archive.portText()));
        return Dcmtk.run(120, "getscu", arguments.toArray(String[]::new));
    }

    @Test
    void getscuOfAStudyReceivesItsFilesUnchanged() throws Exception {
        // getscu offers one context per SOP class and we accept explicit VR in it: a study all in explicit VR
        // arrives unconverted (the others arrive converted, which RetrieveScpTest covers)
        String study = studyAllIn(UID.ExplicitVRLittleEndian);
        Path output = directory.resolve("get-study");
        Dcmtk.Result result = getscu(output, "-S", "QueryRetrieveLevel=STUDY", "StudyInstanceUID=" + study);
        assertThat(result.output()).contains("Received C-GET Response (Success)");
        assertSameFiles(where(i -> i.studyInstanceUid().equals(study)), output);
    }

    @Test
    void getscuOfOneSeriesAndOneImageInPatientRoot() throws Exception {
        TestDataset.Instance last = instances.get(instances.size() - 1);
        Path series = directory.resolve("get-series");
        Dcmtk.Result result = getscu(series, "-P", "QueryRetrieveLevel=SERIES", "PatientID=" + last.patientId(),
                "StudyInstanceUID=" + last.studyInstanceUid(), "SeriesInstanceUID=" + last.seriesInstanceUid());
        assertThat(result.output()).contains("Received C-GET Response (Success)");
        assertSameFiles(where(i -> i.seriesInstanceUid().equals(last.seriesInstanceUid())), series);

        Path image = directory.resolve("get-image");
        result = getscu(image, "-P", "QueryRetrieveLevel=IMAGE", "PatientID=" + last.patientId(),
                "StudyInstanceUID=" + last.studyInstanceUid(), "SeriesInstanceUID=" + last.seriesInstanceUid(),
                "SOPInstanceUID=" + last.sopInstanceUid());
        assertThat(result.output()).contains("Received C-GET Response (Success)");
        assertSameFiles(List.of(last), image);
    }

    @Test
    void movescuOfTheStudyWithJpegToStorescp() throws Exception {
        String study = studyWith(UID.JPEGBaseline8Bit);
        Dcmtk.Result result = Dcmtk.run(120, "movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", ArchiveServer.AE_TITLE,
                "-aem", "STORESCP", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1",
                archive.portText());
        assertThat(result.output()).as(result.output()).contains("Received Final Move Response (Success)");
        List<TestDataset.Instance> expected = where(i -> i.studyInstanceUid().equals(study));
        assertThat(expected).anyMatch(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit));
        Path received = Files.createDirectories(directory.resolve("moved-study"));
        for (TestDataset.Instance instance : expected) {
            Path file = storescp.output().resolve(DataSetBytes.bySopInstance(storescp.output()).get(instance.sopInstanceUid())
                    .getFileName());
            Files.move(file, received.resolve(file.getFileName()));
        }
        assertSameFiles(expected, received);
    }

    @Test
    void movescuOfAPatientAndToAnUnknownDestination() throws Exception {
        String patient = instances.get(instances.size() - 1).patientId();
        Dcmtk.Result result = Dcmtk.run(120, "movescu", "-v", "-P", "-aec", ArchiveServer.AE_TITLE, "-aem", "STORESCP",
                "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=" + patient, "127.0.0.1", archive.portText());
        assertThat(result.output()).contains("Received Final Move Response (Success)");
        assertThat(DataSetBytes.bySopInstance(storescp.output()).keySet()).containsAll(
                where(i -> i.patientId().equals(patient)).stream().map(TestDataset.Instance::sopInstanceUid).toList());

        result = Dcmtk.run(60, "movescu", "-v", "-P", "-aec", ArchiveServer.AE_TITLE, "-aem", "NOWHERE",
                "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=" + patient, "127.0.0.1", archive.portText());
        assertThat(result.output()).contains("Received Final Move Response (Refused: MoveDestinationUnknown)");
    }
}
