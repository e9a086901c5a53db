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
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.uid.UID;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A study of 1 GiB of pixel data for the tests that a gateway with a 256 MB heap passes it on:
 * 16 secondary-capture instances of 64 MiB each (4096 x 8192, 16 bits of noise, which no zip or
 * gzip makes smaller), written by the toolkit
 * into a folder, and served from there by the toolkit's folder archive as a Q/R SCP (C-FIND,
 * C-GET) on loopback, as {@value #PACS_AET}.
 */
final class LargeStudy implements AutoCloseable {

    static final int INSTANCES = 16;
    static final String PACS_AET = "BIG_PACS";
    private static final int ROWS = 4096;
    private static final int COLUMNS = 8192;
    private static final int PIXEL_BYTES = ROWS * COLUMNS * 2;

    private final Path folder;
    private final String studyInstanceUid;
    private final Map<String, Long> dataSetSizes;
    private final int port;
    private final ExecutorService executor;
    private final AssociationAcceptor pacs;

    private LargeStudy(Path folder, String studyInstanceUid, Map<String, Long> dataSetSizes, int port,
                       ExecutorService executor, AssociationAcceptor pacs) {
        this.folder = folder;
        this.studyInstanceUid = studyInstanceUid;
        this.dataSetSizes = dataSetSizes;
        this.port = port;
        this.executor = executor;
        this.pacs = pacs;
    }

    /** Writes the study into {@code folder} and serves it on a free port. */
    static LargeStudy serve(Path folder) throws IOException {
        String studyUid = uid();
        Map<String, Long> sizes = write(Files.createDirectories(folder), studyUid);
        int port = LaunchedGateway.freePort();
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            DirectoryArchive archive = DirectoryArchive.open(folder);
            DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(executor).find(archive).get(archive));
            AcceptorConfig config = new AcceptorConfig("127.0.0.1", port, Set.of(PACS_AET), Set.of(),
                    TransferCapabilities.defaults(), AcceptorConfig.DEFAULT_MAX_ASSOCIATIONS, AssociationSettings.DEFAULT,
                    null);
            return new LargeStudy(folder, studyUid, sizes, port, executor, new AssociationAcceptor(config, router, executor).start());
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** The folder of the study's PS3.10 files, as the PACS serves them. */
    Path folder() {
        return folder;
    }

    String studyInstanceUid() {
        return studyInstanceUid;
    }

    /** Each instance's data set size (its file less the PS3.10 header) by SOP Instance UID. */
    Map<String, Long> dataSetSizes() {
        return dataSetSizes;
    }

    long bytes() {
        return dataSetSizes.values().stream().mapToLong(Long::longValue).sum();
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        pacs.close();
        executor.shutdownNow();
    }

    /** The data set size of a PS3.10 file: its size less its preamble and file meta information. */
    static long dataSetSize(Path file) throws IOException {
        return Files.size(file) - FileMetaInformation.read(file).dataSetOffset();
    }

    private static Map<String, Long> write(Path folder, String studyUid) throws IOException {
        String seriesUid = uid();
        byte[] pixels = new byte[PIXEL_BYTES];
        new Random(PIXEL_BYTES).nextBytes(pixels);
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

    private static String uid() {
        UUID uuid = UUID.randomUUID();
        BigInteger value = new BigInteger(1, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
        return "2.25." + value;
    }
}
