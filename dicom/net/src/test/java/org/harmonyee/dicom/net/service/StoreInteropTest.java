package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.DataSetBytes;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.peers.Storescp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * C-STORE both ways with DCMTK over the whole synthetic dataset (implicit and explicit VR, JPEG
 * baseline): every received data set is byte-identical to the original after the meta information.
 */
class StoreInteropTest {

    private TestThreads threads;
    private DicomClient client;

    @BeforeEach
    void threads() {
        threads = new TestThreads("store-test");
        client = new DicomClient("HARMONY", AssociationSettings.DEFAULT, threads.executor(), null);
    }

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        threads.close();
    }

    @Test
    void storescuOfTheWholeDatasetIntoOurScp(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> instances = TestDataset.instances();
        Path received = directory.resolve("received");
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(threads.executor()))
                .store(new DirectoryStorage(received));
        try (AssociationAcceptor acceptor = new AssociationAcceptor(AcceptorConfig.loopback("HARMONY"), router,
                threads.executor()).start()) {
            for (Map.Entry<String, String> syntax : Map.of(UID.ImplicitVRLittleEndian, "-xi",
                    UID.ExplicitVRLittleEndian, "-xe", UID.JPEGBaseline8Bit, "-xy").entrySet()) {
                List<String> arguments = new ArrayList<>(List.of("-R", syntax.getValue(), "-aet", "STORESCU", "-aec",
                        "HARMONY", "127.0.0.1", Integer.toString(acceptor.port())));
                instances.stream().filter(i -> i.transferSyntaxUid().equals(syntax.getKey()))
                        .forEach(i -> arguments.add(i.file().toString()));
                Dcmtk.Result result = Dcmtk.run(120, "storescu", arguments.toArray(String[]::new));
                assertThat(result.status()).as(result.output()).isZero();
            }
        }
        assertSameDataSets(instances, received);
    }

    @Test
    void ourScuStoresTheWholeDatasetIntoStorescp(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> instances = TestDataset.instances();
        List<Path> files = instances.stream().map(TestDataset.Instance::file).toList();
        try (Storescp storescp = Storescp.start(directory, "STORESCP")) {
            RemoteAE remote = RemoteAE.plain("STORESCP", "127.0.0.1", storescp.port());
            try (ScuAssociation association = client.open(remote, Proposal.storage(files))) {
                for (Path file : files) {
                    assertThat(association.store(file)).as(file.toString()).isZero();
                }
            }
            assertSameDataSets(instances, storescp.output());
        }
    }

    @Test
    void ourScuConvertsEveryUncompressedFileIntoEachNativeSyntax(@TempDir Path directory) throws Exception {
        List<TestDataset.Instance> uncompressed = TestDataset.instances().stream()
                .filter(i -> !i.transferSyntaxUid().equals(UID.JPEGBaseline8Bit)).toList();
        java.util.Set<String> classes = new java.util.LinkedHashSet<>();
        uncompressed.forEach(i -> classes.add(i.sopClassUid()));
        for (String syntax : List.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian, UID.ExplicitVRBigEndian,
                UID.DeflatedExplicitVRLittleEndian)) {
            Path target = Files.createDirectories(directory.resolve(syntax));
            try (Storescp storescp = Storescp.start(target, "STORESCP")) {
                Proposal proposal = new Proposal();
                classes.forEach(sopClass -> proposal.add(sopClass, syntax));
                try (ScuAssociation association = client.open(RemoteAE.plain("STORESCP", "127.0.0.1", storescp.port()),
                        proposal)) {
                    for (TestDataset.Instance instance : uncompressed) {
                        try {
                            assertThat(association.store(instance.file())).isZero();
                        } catch (java.io.IOException e) {
                            throw new AssertionError(syntax + " " + instance.file() + ": " + storescp.log(), e);
                        }
                    }
                }
                Map<String, Path> received = DataSetBytes.bySopInstance(storescp.output());
                for (TestDataset.Instance instance : uncompressed) {
                    assertThat(FileMetaInformation.read(received.get(instance.sopInstanceUid())).transferSyntaxUid())
                            .isEqualTo(syntax);
                }
                SameInstances.assertReceived(uncompressed, storescp.output());
            }
        }
    }

    @Test
    void aStoreHandlerFailureReachesTheScuAsItsStatusAndComment(@TempDir Path directory) throws Exception {
        Path file = TestDataset.instances().get(0).file();
        CStoreScp full = (context, dataSet) -> {
            dataSet.transferTo(java.io.OutputStream.nullOutputStream());
            throw new DimseException(Status.OUT_OF_RESOURCES, "disk full on " + context.calledAETitle());
        };
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(threads.executor())).store(full);
        try (AssociationAcceptor acceptor = new AssociationAcceptor(AcceptorConfig.loopback("HARMONY"), router,
                threads.executor()).start()) {
            RemoteAE remote = RemoteAE.plain("HARMONY", "127.0.0.1", acceptor.port());
            try (ScuAssociation association = client.open(remote,
                    Proposal.storage(List.of(file)).add(UID.Verification, UID.ImplicitVRLittleEndian))) {
                assertThatThrownBy(() -> association.store(file)).isInstanceOfSatisfying(DimseException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.OUT_OF_RESOURCES);
                    assertThat(e.errorComment()).isEqualTo("disk full on HARMONY");
                });
                assertThatThrownBy(() -> association.store(UID.MRImageStorage, "1.2.3", UID.ExplicitVRLittleEndian,
                        java.io.InputStream.nullInputStream()))
                        .isInstanceOfSatisfying(DimseException.class,
                                e -> assertThat(e.status()).isEqualTo(Status.SOP_CLASS_NOT_SUPPORTED));
                assertThat(association.echo()).as("the association survives a refused store").isZero();
            }
        }
        assertThat(Files.exists(directory)).isTrue();
    }

    static void assertSameDataSets(List<TestDataset.Instance> instances, Path received) throws Exception {
        Map<String, Path> files = DataSetBytes.bySopInstance(received);
        assertThat(files).hasSize(instances.size());
        for (TestDataset.Instance instance : instances) {
            Path copy = files.get(instance.sopInstanceUid());
            assertThat(copy).as(instance.file().toString()).isNotNull();
            assertThat(FileMetaInformation.read(copy).transferSyntaxUid()).isEqualTo(instance.transferSyntaxUid());
            assertThat(DataSetBytes.mismatch(instance.file(), copy)).as(instance.file() + " vs " + copy).isEqualTo(-1);
        }
    }
}
