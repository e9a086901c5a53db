package org.harmonyee.dicom.io;

import org.harmonyee.dicom.TestDataset;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming reads: stop before a tag, values left in the file, and the reader's limits. */
class ReaderLimitsTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** (0010,0020) LO "ID", then (7FE0,0010) OB with a declared length and {@code present} bytes of value. */
    private static InputStream pixelDataDeclaring(long length, int present) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x10, 0, 0x20, 0, 'L', 'O', 2, 0, 'I', 'D'});
        out.writeBytes(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0, 'O', 'B', 0, 0,
                (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
        return new SequenceInputStream(new ByteArrayInputStream(out.toByteArray()), new ByteArrayInputStream(new byte[present]));
    }

    @Test
    void aDeclaredLengthOf4GBAllocatesNothingLikeIt() {
        for (long length : new long[] {0xFFFFFFF0L, 0x7FFFFFF0L, 0x40000000L}) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            assertThatThrownBy(() -> new DicomInputStream(pixelDataDeclaring(length, 100_000))
                    .memoryLimit(Long.MAX_VALUE).readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                    .isInstanceOf(DicomStreamException.class).hasMessageStartingWith("at offset").hasMessageContaining("(7FE0,0010)");
            assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).as("declared %d", length).isLessThan(8L << 20);
        }
    }

    @Test
    void theMemoryLimitRefusesBeforeAllocating() {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> new DicomInputStream(pixelDataDeclaring(0x7FFFFFF0L, 1000))
                .readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomStreamException.class).hasMessageContaining("memory limit of " + DicomInputStream.DEFAULT_MEMORY_LIMIT);
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(1L << 20);
    }

    /** 100 MB of pixel data deflated to a tenth of a megabyte: refused at the limit, not inflated into memory. */
    @Test
    void aDeflateBombStopsAtTheMemoryLimit() throws Exception {
        Path zeros = Files.createTempFile(Path.of("target"), "zeros", ".raw");
        try (RandomAccessFile file = new RandomAccessFile(zeros.toFile(), "rw")) {
            file.setLength(100L << 20);
        }
        Attributes dataset = new Attributes();
        dataset.set(Tag.PixelData, VR.OB, new BulkData(zeros, 0, 100L << 20, false));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bomb)) {
            out.writeFile(FileMetaInformation.of(UID.SecondaryCaptureImageStorage, "1.2.3",
                    UID.DeflatedExplicitVRLittleEndian), dataset);
        }
        Files.delete(zeros);
        assertThat(bomb.size()).isLessThan(1 << 20);

        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> new DicomInputStream(new ByteArrayInputStream(bomb.toByteArray())).memoryLimit(8L << 20).readDataset())
                .isInstanceOf(DicomStreamException.class).hasMessageContaining("(7FE0,0010)").hasMessageContaining("memory limit");
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(16L << 20);
    }

    @Test
    void largeValuesOfAFileStayThereAsBulkData() throws Exception {
        Path file = TestDataset.onePerSeries().get(0);
        assertThatThrownBy(() -> read(file, in -> in.memoryLimit(100_000)))
                .isInstanceOf(DicomStreamException.class).hasMessageContaining("(7FE0,0010)").hasMessageContaining("memory limit");

        Attributes referenced = read(file, in -> in.memoryLimit(100_000).bulkDataThreshold(64 * 1024));
        Attributes inMemory = read(file, in -> in);

        BulkData pixels = (BulkData) referenced.get(Tag.PixelData).value();
        assertThat(pixels.length()).isEqualTo(512 * 512 * 2);
        assertThat(pixels.offset() + pixels.length()).isLessThanOrEqualTo(Files.size(file));
        assertThat(pixels.bytes()).isEqualTo(inMemory.get(Tag.PixelData).bytes());
        try (InputStream stream = pixels.open()) {
            assertThat(stream.readNBytes(1000)).isEqualTo(java.util.Arrays.copyOf(inMemory.get(Tag.PixelData).bytes(), 1000));
        }
    }

    /** Bulk data of a big-endian file is swapped when written little endian, as values in memory are. */
    @Test
    void bulkDataCrossesByteOrders() throws Exception {
        Path source = TestDataset.onePerSeries().get(0);
        Path bigEndian = write(read(source, in -> in), UID.ExplicitVRBigEndian);
        Attributes referenced = read(bigEndian, in -> in.bulkDataThreshold(1024));
        assertThat(((BulkData) referenced.get(Tag.PixelData).value()).bigEndian()).isTrue();

        Path littleEndian = write(referenced, UID.ExplicitVRLittleEndian);

        assertThat(read(littleEndian, in -> in).get(Tag.PixelData).bytes()).isEqualTo(read(source, in -> in).get(Tag.PixelData).bytes());
    }

    @Test
    void readingStopsBeforeTheTagAsked() throws Exception {
        Path file = TestDataset.onePerSeries().get(0);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Attributes header;
        try (DicomInputStream in = DicomInputStream.open(file)) {
            header = in.readDataset(Tag.PixelData);
        }
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(Files.size(file) / 2);
        assertThat(header.contains(Tag.PixelData)).isFalse();
        assertThat(header.getInt(Tag.Rows, 0)).isEqualTo(512);
    }

    @Test
    void sequencesNestedDeeperThanTheLimitAreRefused() throws Exception {
        byte[] nested = nested(100);
        assertThatThrownBy(() -> new DicomInputStream(new ByteArrayInputStream(nested)).readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomStreamException.class).hasMessageContaining("deeper than the reader's limit of 64");

        Attributes dataset = new DicomInputStream(new ByteArrayInputStream(nested)).maxDepth(100)
                .readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(dataset.getSequence(Tag.ReferencedSeriesSequence).get(0).getSequence(Tag.ReferencedSeriesSequence)).isNotNull();
    }

    /** (0008,1115) SQ of undefined length, one item each, {@code depth} deep, all delimited. */
    private static byte[] nested(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            out.writeBytes(new byte[] {0x08, 0, 0x15, 0x11, 'S', 'Q', 0, 0, -1, -1, -1, -1, (byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, -1, -1, -1, -1});
        }
        for (int i = 0; i < depth; i++) {
            out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0, 0, 0, 0, 0, (byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0});
        }
        return out.toByteArray();
    }

    private interface Setup {
        DicomInputStream apply(DicomInputStream in);
    }

    private static Attributes read(Path file, Setup setup) throws IOException {
        try (DicomInputStream in = setup.apply(DicomInputStream.open(file))) {
            return in.readDataset();
        }
    }

    private static Path write(Attributes dataset, String transferSyntax) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "limits", ".dcm");
        try (OutputStream out = Files.newOutputStream(file); DicomOutputStream dicom = new DicomOutputStream(out)) {
            dicom.writeFile(FileMetaInformation.of(dataset.getString(Tag.SOPClassUID),
                    dataset.getString(Tag.SOPInstanceUID), transferSyntax), dataset);
        }
        return file;
    }
}
