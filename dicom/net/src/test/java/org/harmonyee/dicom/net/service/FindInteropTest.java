package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our C-FIND SCU against dcmqrscp loaded with the dataset: the four levels in both roots, and C-CANCEL. */
class FindInteropTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static DicomClient client;
    private static Dcmqrscp qr;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("find-test");
        client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
        qr = LoadedDcmqrscp.start(directory, client, Map.of());
        instances = TestDataset.instances();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        qr.close();
        threads.close();
    }

    private static ScuAssociation open() throws Exception {
        return client.open(LoadedDcmqrscp.remote(qr), new Proposal()
                .add(UID.PatientRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian)
                .add(UID.StudyRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian));
    }

    private static Set<String> values(List<Attributes> matches, int tag) {
        return matches.stream().map(m -> Keys.text(m, tag)).collect(Collectors.toSet());
    }

    private static <K> Map<K, Set<String>> manifest(Function<TestDataset.Instance, K> key,
                                                   Function<TestDataset.Instance, String> value) {
        return instances.stream().collect(Collectors.groupingBy(key, Collectors.mapping(value, Collectors.toSet())));
    }

    @Test
    void patientRootAtEveryLevel() throws Exception {
        try (ScuAssociation association = open()) {
            String model = UID.PatientRootQueryRetrieveInformationModelFind;
            List<Attributes> patients = association.find(model, Keys.level("PATIENT").with(Tag.PatientID, VR.LO, "")
                    .with(Tag.PatientName, VR.PN, "").build());
            assertThat(values(patients, Tag.PatientID)).isEqualTo(manifest(i -> "all", TestDataset.Instance::patientId).get("all"));
            assertThat(values(patients, Tag.PatientName)).doesNotContainNull();

            Map<String, Set<String>> studiesOf = manifest(TestDataset.Instance::patientId, TestDataset.Instance::studyInstanceUid);
            for (Map.Entry<String, Set<String>> patient : studiesOf.entrySet()) {
                List<Attributes> studies = association.find(model, Keys.level("STUDY").with(Tag.PatientID, VR.LO, patient.getKey())
                        .uid(Tag.StudyInstanceUID, "").build());
                assertThat(values(studies, Tag.StudyInstanceUID)).isEqualTo(patient.getValue());
            }
            TestDataset.Instance any = instances.get(instances.size() - 1);
            List<Attributes> series = association.find(model, Keys.level("SERIES").with(Tag.PatientID, VR.LO, any.patientId())
                    .uid(Tag.StudyInstanceUID, any.studyInstanceUid()).uid(Tag.SeriesInstanceUID, "").build());
            assertThat(values(series, Tag.SeriesInstanceUID))
                    .isEqualTo(manifest(TestDataset.Instance::studyInstanceUid, TestDataset.Instance::seriesInstanceUid)
                            .get(any.studyInstanceUid()));
            List<Attributes> images = association.find(model, Keys.level("IMAGE").with(Tag.PatientID, VR.LO, any.patientId())
                    .uid(Tag.StudyInstanceUID, any.studyInstanceUid()).uid(Tag.SeriesInstanceUID, any.seriesInstanceUid())
                    .uid(Tag.SOPInstanceUID, "").build());
            assertThat(values(images, Tag.SOPInstanceUID))
                    .isEqualTo(manifest(TestDataset.Instance::seriesInstanceUid, TestDataset.Instance::sopInstanceUid)
                            .get(any.seriesInstanceUid()));
        }
    }

    @Test
    void studyRootAtStudySeriesAndImageLevel() throws Exception {
        try (ScuAssociation association = open()) {
            String model = UID.StudyRootQueryRetrieveInformationModelFind;
            List<Attributes> studies = association.find(model, Keys.level("STUDY").uid(Tag.StudyInstanceUID, "")
                    .with(Tag.PatientName, VR.PN, "").with(Tag.StudyDate, VR.DA, "").build());
            Map<String, Set<String>> seriesOf = manifest(TestDataset.Instance::studyInstanceUid,
                    TestDataset.Instance::seriesInstanceUid);
            assertThat(values(studies, Tag.StudyInstanceUID)).isEqualTo(seriesOf.keySet());
            Map<String, Set<String>> imagesOf = manifest(TestDataset.Instance::seriesInstanceUid,
                    TestDataset.Instance::sopInstanceUid);
            for (Map.Entry<String, Set<String>> study : seriesOf.entrySet()) {
                List<Attributes> series = association.find(model, Keys.level("SERIES").uid(Tag.StudyInstanceUID, study.getKey())
                        .uid(Tag.SeriesInstanceUID, "").with(Tag.Modality, VR.CS, "").build());
                assertThat(values(series, Tag.SeriesInstanceUID)).isEqualTo(study.getValue());
                for (String seriesUid : study.getValue()) {
                    List<Attributes> images = association.find(model, Keys.level("IMAGE")
                            .uid(Tag.StudyInstanceUID, study.getKey()).uid(Tag.SeriesInstanceUID, seriesUid)
                            .uid(Tag.SOPInstanceUID, "").build());
                    assertThat(values(images, Tag.SOPInstanceUID)).isEqualTo(imagesOf.get(seriesUid));
                }
            }
        }
    }

    @Test
    void aCancelledFindDeliversNoMoreMatchesAndTheAssociationGoesOn() throws Exception {
        Map<String, Set<String>> imagesOf = manifest(TestDataset.Instance::seriesInstanceUid, TestDataset.Instance::sopInstanceUid);
        TestDataset.Instance largest = instances.stream()
                .max((a, b) -> Integer.compare(imagesOf.get(a.seriesInstanceUid()).size(), imagesOf.get(b.seriesInstanceUid()).size()))
                .orElseThrow();
        int total = imagesOf.get(largest.seriesInstanceUid()).size();
        try (ScuAssociation association = open()) {
            int[] received = new int[1];
            int status = association.find(UID.StudyRootQueryRetrieveInformationModelFind, Keys.level("IMAGE")
                    .uid(Tag.StudyInstanceUID, largest.studyInstanceUid()).uid(Tag.SeriesInstanceUID, largest.seriesInstanceUid())
                    .uid(Tag.SOPInstanceUID, "").build(), match -> ++received[0] < 2);
            // dcmqrscp may have sent every match before it reads the C-CANCEL: then Success is right (PS3.4 C.4.1.2.3)
            assertThat(status).isIn(Status.CANCEL, Status.SUCCESS);
            assertThat(received[0]).as("no match is delivered after cancelling").isEqualTo(2).isLessThan(total);
            assertThat(association.find(UID.StudyRootQueryRetrieveInformationModelFind, Keys.level("STUDY")
                    .uid(Tag.StudyInstanceUID, "").build())).hasSize(4);
        }
    }

    @Test
    void matchesCanBePulledOneByOne() throws Exception {
        try (ScuAssociation association = open();
             FindResults results = association.findResults(UID.StudyRootQueryRetrieveInformationModelFind,
                     Keys.level("STUDY").uid(Tag.StudyInstanceUID, "").build())) {
            Set<String> studies = new java.util.HashSet<>();
            for (Attributes match = results.next(); match != null; match = results.next()) {
                studies.add(Keys.text(match, Tag.StudyInstanceUID));
            }
            assertThat(results.status()).isEqualTo(Status.SUCCESS);
            assertThat(studies).isEqualTo(manifest(i -> "all", TestDataset.Instance::studyInstanceUid).get("all"));
        }
    }

    @Test
    void aRefusedQueryCarriesTheStatusOfDcmqrscp() throws Exception {
        try (ScuAssociation association = open()) {
            assertThatThrownBy(() -> association.find(UID.StudyRootQueryRetrieveInformationModelFind,
                    Keys.level("IMAGE").uid(Tag.SOPInstanceUID, "").build()))
                    .isInstanceOfSatisfying(DimseException.class, e -> assertThat(Status.isFailure(e.status())).isTrue());
            assertThat(association.isOpen()).isTrue();
        }
    }
}
