package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.TransferCapabilities;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our C-GET and C-MOVE SCU against dcmqrscp loaded with the dataset: every study retrieved, each
 * instance equal to the original after the meta information (JPEG and uncompressed in one study
 * included); moves to our own storage SCP and to storescp; an unknown destination is A801.
 */
class RetrieveInteropTest {

    @TempDir
    static Path directory;
    private static TestThreads threads;
    private static DicomClient client;
    private static AssociationAcceptor storage;
    private static Storescp storescp;
    private static Dcmqrscp qr;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        threads = new TestThreads("retrieve-test");
        client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(threads.executor()))
                .store(new DirectoryStorage(directory.resolve("moved")));
        storage = new AssociationAcceptor(AcceptorConfig.loopback("HARMONYSTORE").withCapabilities(jpegForSecondaryCapture()),
                router, threads.executor()).start();
        storescp = Storescp.start(Files.createDirectories(directory.resolve("storescp")), "STORESCP", "-xf",
                TestDataset.storescpProfile().toString(), "Peers");
        qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), client,
                Map.of("HARMONYSTORE", storage.port(), "STORESCP", storescp.port()), "-xy");
        instances = TestDataset.instances();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (AutoCloseable peer : new AutoCloseable[] {qr, storescp, storage}) {
            if (peer != null) {
                try {
                    peer.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        threads.close();
    }

    /**
     * dcmqrscp proposes one context per SOP class with JPEG baseline first (-xy) and sends every
     * instance of the class in it: accept JPEG only for secondary capture, like storescp's profile.
     */
    private static TransferCapabilities jpegForSecondaryCapture() {
        TransferCapabilities capabilities = TransferCapabilities.defaults();
        for (String storage : TransferCapabilities.storageSopClasses()) {
            capabilities = capabilities.with(storage, TransferCapabilities.NATIVE_TRANSFER_SYNTAXES);
        }
        return capabilities.with(UID.SecondaryCaptureImageStorage, List.of(UID.JPEGBaseline8Bit, UID.ExplicitVRLittleEndian));
    }

    private static Set<String> studies() {
        Set<String> studies = new LinkedHashSet<>();
        instances.forEach(i -> studies.add(i.studyInstanceUid()));
        return studies;
    }

    private static List<TestDataset.Instance> study(String uid) {
        return instances.stream().filter(i -> i.studyInstanceUid().equals(uid)).toList();
    }

    @Test
    void getEveryStudyWithTheInstancesAsStored() throws Exception {
        for (String studyUid : studies()) {
            List<TestDataset.Instance> expected = study(studyUid);
            Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
            expected.forEach(i -> syntaxes.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>()).add(i.transferSyntaxUid()));
            Path target = directory.resolve("get").resolve(studyUid);
            List<SubOperations> progress = new ArrayList<>();
            Proposal proposal = Proposal.retrieve(UID.StudyRootQueryRetrieveInformationModelGet, syntaxes);
            try (ScuAssociation association = client.open(LoadedDcmqrscp.remote(qr), proposal)) {
                RetrieveResult result = association.get(UID.StudyRootQueryRetrieveInformationModelGet,
                        Keys.level("STUDY").uid(Tag.StudyInstanceUID, studyUid).build(), new DirectoryStorage(target),
                        progress::add);
                assertThat(result.status()).as(studyUid).isEqualTo(Status.SUCCESS);
                assertThat(result.subOperations().completed()).isEqualTo(expected.size());
                assertThat(result.subOperations().failed()).isZero();
            }
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1).remaining()).isGreaterThanOrEqualTo(0);
            SameInstances.assertReceived(expected, target);
        }
    }

    @Test
    void moveAStudyToOurStorageScpAndToStorescp() throws Exception {
        String mixed = instances.stream().filter(i -> i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit))
                .findFirst().orElseThrow().studyInstanceUid();
        List<TestDataset.Instance> expected = study(mixed);
        Proposal proposal = new Proposal().add(UID.StudyRootQueryRetrieveInformationModelMove, UID.ExplicitVRLittleEndian);
        try (ScuAssociation association = client.open(LoadedDcmqrscp.remote(qr), proposal)) {
            for (String destination : List.of("HARMONYSTORE", "STORESCP")) {
                RetrieveResult result = association.move(UID.StudyRootQueryRetrieveInformationModelMove,
                        Keys.level("STUDY").uid(Tag.StudyInstanceUID, mixed).build(), destination, RetrieveScu.Listener.NONE);
                assertThat(result.status()).as(destination + ": " + qr.log()).isEqualTo(Status.SUCCESS);
                assertThat(result.subOperations().completed()).isEqualTo(expected.size());
            }
        }
        SameInstances.assertReceived(expected, directory.resolve("moved"));
        SameInstances.assertReceived(expected, storescp.output());
    }

    @Test
    void anUnknownMoveDestinationIsA801() throws Exception {
        Proposal proposal = new Proposal().add(UID.PatientRootQueryRetrieveInformationModelMove, UID.ExplicitVRLittleEndian);
        try (ScuAssociation association = client.open(LoadedDcmqrscp.remote(qr), proposal)) {
            assertThatThrownBy(() -> association.move(UID.PatientRootQueryRetrieveInformationModelMove,
                    Keys.level("PATIENT").with(Tag.PatientID, org.harmonyee.dicom.data.VR.LO, instances.get(0).patientId())
                            .build(), "NOWHERE", RetrieveScu.Listener.NONE))
                    .isInstanceOfSatisfying(DimseException.class,
                            e -> assertThat(e.status()).isEqualTo(Status.MOVE_DESTINATION_UNKNOWN));
        }
    }
}
