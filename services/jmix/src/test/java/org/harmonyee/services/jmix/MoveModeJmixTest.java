package org.harmonyee.services.jmix;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.LoadedDcmqrscp;
import org.harmonyee.dicom.net.peers.PeerProcess;
import org.harmonyee.dicom.net.peers.SameInstances;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.services.jmix.format.JmixSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A package built from a PACS that offers no C-GET: with {@code dimse_retrieve_mode = "move"} the
 * {@code dicom} backend answers the builder's study-level C-GET with a C-MOVE to its own store SCP
 * ({@code incoming_store_port}), and the instances go into the zip as they arrive there. dcmqrscp
 * runs with {@code --disable-get} (so a package proves the move) and knows the backend's AE title
 * at that port.
 */
@Timeout(180)
class MoveModeJmixTest {

    @TempDir
    Path directory;

    @Test
    void aStudyIsPackagedFromAPacsWithoutCGet() throws Exception {
        int incoming = PeerProcess.freePort();
        try (TestThreads threads = new TestThreads("jmix-move-test")) {
            DicomClient loader = new DicomClient("LOADER", AssociationSettings.DEFAULT, threads.executor(), null);
            try (Dcmqrscp qr = LoadedDcmqrscp.start(Files.createDirectories(directory.resolve("qr")), loader,
                    Map.of(JmixGateway.LOCAL_AET, incoming), "-xy", "--disable-get", "--check-move");
                 JmixGateway gateway = new JmixGateway(Files.createDirectories(directory.resolve("gateway")),
                         threads.executor(), Dcmqrscp.AE_TITLE, qr.port(), "", """
                         dimse_retrieve_mode = "move"
                         incoming_store_port = %d
                         incoming_store_bind_address = "127.0.0.1"
                         """.formatted(incoming))) {
                List<TestDataset.Instance> study = TestDataset.instances().stream()
                        .collect(Collectors.groupingBy(TestDataset.Instance::studyInstanceUid)).values().stream()
                        .filter(instances -> instances.size() == 46).findFirst().orElseThrow();

                JmixGateway.Answer answer = gateway.get("/api/jmix?studyInstanceUid=" + study.get(0).studyInstanceUid());

                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                Path dicom = DcmqrscpJmixTest.unzipDicom(answer.body(), Files.createDirectories(directory.resolve("package")));
                SameInstances.assertReceived(study, dicom);
                try (Stream<Path> files = Files.list(dicom)) {
                    assertThat(files).hasSize(46);
                }
                JmixSchemas.assertValid(answer.body());
            }
        }
    }
}
