package org.harmonyee.it.launcher;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.net.archive.DirectoryArchive;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.TransferCapabilities;
import org.harmonyee.dicom.net.peers.Dcmtk;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A C-GET of a study of 1 GiB passes through the gateway's DICOM router while its heap is capped
 * at 256 MB: instances stream from the PACS to the caller as each arrives, never held. The PACS is
 * our toolkit's folder archive in this test, serving 16 secondary-capture instances of 64 MiB of
 * pixel data that the test writes; the caller is DCMTK's getscu, writing what it receives as is.
 */
class LargeRetrieveTest {

    private static final int INSTANCES = 16;
    private static final int ROWS = 4096;
    private static final int COLUMNS = 8192;
    private static final int PIXEL_BYTES = ROWS * COLUMNS * 2;
    private static final String PACS_AET = "BIG_PACS";
    private static final String ROUTER_AET = "BIG_ROUTER";

    @TempDir
    Path directory;

    private ExecutorService executor;
    private AssociationAcceptor pacs;
    private LaunchedGateway gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (pacs != null) {
            pacs.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Test
    void aGibibyteStudyIsRetrievedThroughA256MbHeap() throws Exception {
        String studyUid = uid();
        Map<String, Long> served = writeStudy(Files.createDirectories(directory.resolve("pacs")), studyUid);
        int pacsPort = LaunchedGateway.freePort();
        startPacs(directory.resolve("pacs"), pacsPort);
        int dicomPort = LaunchedGateway.freePort();
        gateway = LaunchedGateway.start(writeConfig(dicomPort, pacsPort), directory.resolve("state"),
                Map.of("HARMONY_JAVA_OPTS", "-Xmx256m"));
        // A DICOM-only gateway: "Harmony EE ready" waits for its listener to answer an A-ASSOCIATE.
        gateway.readUntil("Harmony EE ready", LaunchedGateway.STARTUP);

        Path received = Files.createDirectories(directory.resolve("received"));
        long start = System.nanoTime();
        Dcmtk.Result get = Dcmtk.run(300, "getscu", "-v", "+B", "-aet", "BIG_SCU", "-aec", ROUTER_AET, "-S",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid, "-od", received.toString(),
                "127.0.0.1", String.valueOf(dicomPort));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(get.status()).as(get.output()).isZero();
        assertThat(finalResponse(get.output())).as(get.output()).isEqualTo("(Success)");
        assertThat(get.output()).contains("Number of Completed Suboperations : " + INSTANCES)
                .contains("Number of Failed Suboperations    : 0").doesNotContain("Abort");
        assertThat(dataSetSizes(received)).isEqualTo(served);
        assertThat(gateway.console()).noneMatch(line -> line.contains("OutOfMemoryError"));
        long bytes = served.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("C-GET of %d instances, %.1f MiB, through the gateway (-Xmx256m): %.1f s, %.1f MiB/s%n",
                served.size(), bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
    }

    /** The study's instances, each's data set size by SOP Instance UID. */
    private static Map<String, Long> writeStudy(Path folder, String studyUid) throws IOException {
        String seriesUid = uid();
        byte[] pixels = new byte[PIXEL_BYTES];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31 + i / 4096);
        }
        Map<String, Long> sizes = new TreeMap<>();
        for (int n = 1; n <= INSTANCES; n++) {
            String instanceUid = uid();
            ByteBuffer.wrap(pixels).putInt(n);
            Attributes dataSet = new Attributes();
            dataSet.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
            dataSet.setString(Tag.SOPInstanceUID, VR.UI, instanceUid);
            dataSet.setString(Tag.Modality, VR.CS, "OT");
            dataSet.setString(Tag.ConversionType, VR.CS, "WSD");
            dataSet.setString(Tag.PatientName, VR.PN, "Large^Study");
            dataSet.setString(Tag.PatientID, VR.LO, "LARGE-1");
            dataSet.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
            dataSet.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
            dataSet.setString(Tag.StudyID, VR.SH, "1");
            dataSet.setInt(Tag.SeriesNumber, VR.IS, 1);
            dataSet.setInt(Tag.InstanceNumber, VR.IS, n);
            dataSet.setInt(Tag.SamplesPerPixel, VR.US, 1);
            dataSet.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            dataSet.setInt(Tag.Rows, VR.US, ROWS);
            dataSet.setInt(Tag.Columns, VR.US, COLUMNS);
            dataSet.setInt(Tag.BitsAllocated, VR.US, 16);
            dataSet.setInt(Tag.BitsStored, VR.US, 16);
            dataSet.setInt(Tag.HighBit, VR.US, 15);
            dataSet.setInt(Tag.PixelRepresentation, VR.US, 0);
            dataSet.set(Tag.PixelData, VR.OW, pixels);
            Path file = folder.resolve(instanceUid + ".dcm");
            try (OutputStream out = Files.newOutputStream(file); DicomOutputStream dicom = new DicomOutputStream(out)) {
                dicom.writeFile(FileMetaInformation.of(UID.SecondaryCaptureImageStorage, instanceUid,
                        UID.ExplicitVRLittleEndian), dataSet);
            }
            sizes.put(instanceUid, dataSetSize(file));
        }
        return sizes;
    }

    private void startPacs(Path folder, int port) throws IOException {
        executor = Executors.newCachedThreadPool();
        DirectoryArchive archive = DirectoryArchive.open(folder);
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(executor).find(archive).get(archive));
        AcceptorConfig config = new AcceptorConfig("127.0.0.1", port, Set.of(PACS_AET), Set.of(),
                TransferCapabilities.defaults(), AcceptorConfig.DEFAULT_MAX_ASSOCIATIONS, AssociationSettings.DEFAULT,
                null);
        pacs = new AssociationAcceptor(config, router, executor).start();
    }

    /** What getscu wrote, each file's data set size by its SOP Instance UID. */
    private static Map<String, Long> dataSetSizes(Path folder) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                sizes.put(FileMetaInformation.read(file).mediaStorageSopInstanceUid(), dataSetSize(file));
            }
        }
        return sizes;
    }

    private static long dataSetSize(Path file) throws IOException {
        return Files.size(file) - FileMetaInformation.read(file).dataSetOffset();
    }

    /** getscu's summary of its last C-GET response, e.g. {@code (Success)}. */
    private static String finalResponse(String output) {
        String marker = "Received C-GET Response ";
        return output.lines().filter(line -> line.contains(marker)).reduce((first, second) -> second)
                .map(line -> line.substring(line.indexOf(marker) + marker.length()).strip()).orElse("none");
    }

    private static String uid() {
        UUID uuid = UUID.randomUUID();
        BigInteger value = new BigInteger(1, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    private Path writeConfig(int dicomPort, int pacsPort) throws IOException {
        Path pipelines = Files.createDirectories(directory.resolve("pipelines"));
        Files.writeString(pipelines.resolve("router.toml"), """
                [pipelines.router]
                networks = ["imaging"]
                endpoints = ["router_scp"]
                backends = ["pacs"]
                [endpoints.router_scp]
                service = "dicom"
                local_aet = "%s"
                [backends.pacs]
                service = "dicom"
                aet = "%s"
                host = "127.0.0.1"
                port = %d
                local_aet = "BIG_GATEWAY"
                dimse_timeout_ms = 120000
                """.formatted(ROUTER_AET, PACS_AET, pacsPort));
        return Files.writeString(directory.resolve("config.toml"), """
                [proxy]
                id = "large-retrieve-test"
                pipelines_path = "pipelines"
                [network.imaging.dicom]
                bind_address = "127.0.0.1"
                bind_port = %d
                aet = "BIG_ROUTER"
                [storage.options]
                path = "storage"
                """.formatted(dicomPort));
    }
}
