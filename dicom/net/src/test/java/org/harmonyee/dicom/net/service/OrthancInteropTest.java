package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.Orthanc;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our SCU against Orthanc, a second independent implementation: the whole dataset stored in every
 * transfer syntax, echo, find at the four levels in both roots, C-GET of the study mixing JPEG and
 * uncompressed instances, and C-MOVE to our own storage SCP and to storescp.
 */
class OrthancInteropTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static DicomClient client;
    private static AssociationAcceptor storage;
    private static Storescp storescp;
    private static Orthanc orthanc;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("orthanc-test");
        instances = TestDataset.instances();
        client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(threads.executor()))
                .store(new DirectoryStorage(directory.resolve("moved")));
        storage = new AssociationAcceptor(AcceptorConfig.loopback("HARMONYSTORE"), router, threads.executor()).start();
        storescp = Storescp.start(Files.createDirectories(directory.resolve("storescp")), "STORESCP");
        orthanc = Orthanc.start(Files.createDirectories(directory.resolve("orthanc")),
                Map.of("HARMONY", 104, "HARMONYSTORE", storage.port(), "STORESCP", storescp.port()));
        List<Path> files = instances.stream().map(TestDataset.Instance::file).toList();
        try (ScuAssociation association = client.open(remote(), Proposal.storage(files))) {
            for (Path file : files) {
                assertThat(association.store(file)).as(file.toString()).isZero();
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (orthanc != null) {
            orthanc.close();
        }
        if (storage != null) {
            storage.close();
        }
        if (storescp != null) {
            storescp.close();
        }
        threads.close();
    }

    private static RemoteAE remote() {
        return RemoteAE.plain(Orthanc.AE_TITLE, "127.0.0.1", orthanc.port());
    }

    private static Set<String> values(List<Attributes> matches, int tag) {
        return matches.stream().map(m -> Keys.text(m, tag)).collect(Collectors.toSet());
    }

    private static String mixedStudy() {
        return instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).findFirst()
                .orElseThrow().studyInstanceUid();
    }

    @Test
    void echoAndFindAtEveryLevel() throws Exception {
        Proposal proposal = Proposal.verification()
                .add(UID.PatientRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian)
                .add(UID.StudyRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian);
        try (ScuAssociation association = client.open(remote(), proposal)) {
            assertThat(association.echo()).isZero();
            List<Attributes> patients = association.find(UID.PatientRootQueryRetrieveInformationModelFind,
                    Keys.level("PATIENT").with(Tag.PatientID, VR.LO, "").build());
            assertThat(values(patients, Tag.PatientID))
                    .isEqualTo(instances.stream().map(TestDataset.Instance::patientId).collect(Collectors.toSet()));
            List<Attributes> studies = association.find(UID.StudyRootQueryRetrieveInformationModelFind,
                    Keys.level("STUDY").uid(Tag.StudyInstanceUID, "").build());
            assertThat(values(studies, Tag.StudyInstanceUID))
                    .isEqualTo(instances.stream().map(TestDataset.Instance::studyInstanceUid).collect(Collectors.toSet()));
            List<Attributes> series = association.find(UID.StudyRootQueryRetrieveInformationModelFind,
                    Keys.level("SERIES").uid(Tag.SeriesInstanceUID, "").build());
            assertThat(values(series, Tag.SeriesInstanceUID))
                    .isEqualTo(instances.stream().map(TestDataset.Instance::seriesInstanceUid).collect(Collectors.toSet()));
            List<Attributes> images = association.find(UID.StudyRootQueryRetrieveInformationModelFind,
                    Keys.level("IMAGE").uid(Tag.SOPInstanceUID, "").build());
            assertThat(values(images, Tag.SOPInstanceUID))
                    .isEqualTo(instances.stream().map(TestDataset.Instance::sopInstanceUid).collect(Collectors.toSet()));
        }
    }

    @Test
    void getTheStudyMixingJpegAndUncompressed() throws Exception {
        String uid = mixedStudy();
        List<TestDataset.Instance> expected = instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        expected.forEach(i -> syntaxes.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>()).add(i.transferSyntaxUid()));
        Path target = directory.resolve("get");
        try (ScuAssociation association = client.open(remote(),
                Proposal.retrieve(UID.StudyRootQueryRetrieveInformationModelGet, syntaxes))) {
            RetrieveResult result = association.get(UID.StudyRootQueryRetrieveInformationModelGet,
                    Keys.level("STUDY").uid(Tag.StudyInstanceUID, uid).build(), new DirectoryStorage(target),
                    RetrieveScu.Listener.NONE);
            assertThat(result.status()).as(orthanc.log()).isEqualTo(Status.SUCCESS);
            assertThat(result.subOperations().completed()).isEqualTo(expected.size());
        }
        SameInstances.assertReceived(expected, target);
    }

    @Test
    void moveTheMixedStudyToOurStorageScpAndToStorescp() throws Exception {
        String uid = mixedStudy();
        List<TestDataset.Instance> expected = instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
        try (ScuAssociation association = client.open(remote(),
                new Proposal().add(UID.StudyRootQueryRetrieveInformationModelMove, UID.ExplicitVRLittleEndian))) {
            for (String destination : List.of("HARMONYSTORE", "STORESCP")) {
                RetrieveResult result = association.move(UID.StudyRootQueryRetrieveInformationModelMove,
                        Keys.level("STUDY").uid(Tag.StudyInstanceUID, uid).build(), destination, RetrieveScu.Listener.NONE);
                assertThat(result.status()).as(orthanc.log()).isEqualTo(Status.SUCCESS);
            }
        }
        SameInstances.assertReceived(expected, directory.resolve("moved"));
        SameInstances.assertReceived(expected, storescp.output());
    }

    @Test
    void patientRootBelowThePatientLevel() throws Exception {
        TestDataset.Instance any = instances.get(instances.size() - 1);
        try (ScuAssociation association = client.open(remote(),
                new Proposal().add(UID.PatientRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian))) {
            String model = UID.PatientRootQueryRetrieveInformationModelFind;
            List<Attributes> studies = association.find(model, Keys.level("STUDY").with(Tag.PatientID, VR.LO, any.patientId())
                    .uid(Tag.StudyInstanceUID, "").build());
            assertThat(values(studies, Tag.StudyInstanceUID)).isEqualTo(instances.stream()
                    .filter(i -> i.patientId().equals(any.patientId())).map(TestDataset.Instance::studyInstanceUid)
                    .collect(Collectors.toSet()));
            List<Attributes> series = association.find(model, Keys.level("SERIES").with(Tag.PatientID, VR.LO, any.patientId())
                    .uid(Tag.StudyInstanceUID, any.studyInstanceUid()).uid(Tag.SeriesInstanceUID, "").build());
            assertThat(values(series, Tag.SeriesInstanceUID)).isEqualTo(instances.stream()
                    .filter(i -> i.studyInstanceUid().equals(any.studyInstanceUid()))
                    .map(TestDataset.Instance::seriesInstanceUid).collect(Collectors.toSet()));
            List<Attributes> images = association.find(model, Keys.level("IMAGE").with(Tag.PatientID, VR.LO, any.patientId())
                    .uid(Tag.StudyInstanceUID, any.studyInstanceUid()).uid(Tag.SeriesInstanceUID, any.seriesInstanceUid())
                    .uid(Tag.SOPInstanceUID, "").build());
            assertThat(values(images, Tag.SOPInstanceUID)).isEqualTo(instances.stream()
                    .filter(i -> i.seriesInstanceUid().equals(any.seriesInstanceUid()))
                    .map(TestDataset.Instance::sopInstanceUid).collect(Collectors.toSet()));
        }
    }
}
