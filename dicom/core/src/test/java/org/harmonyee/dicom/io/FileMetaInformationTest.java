package org.harmonyee.dicom.io;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PS3.10 header on its own: what it writes, what it reads back, and what it refuses to read. */
class FileMetaInformationTest {

    private static final String ODD_INSTANCE = "1.2.3.4.56";
    /** (0008,0018) UI "1". */
    private static final byte[] DATA_SET = {0x08, 0, 0x18, 0, 'U', 'I', 2, 0, '1', 0};

    @TempDir
    Path directory;

    @Test
    void writesTheGroupLengthOfWhatFollowsAndReadsItBack() throws IOException {
        FileMetaInformation made = FileMetaInformation.of(UID.CTImageStorage, ODD_INSTANCE, UID.ExplicitVRLittleEndian);
        byte[] header = encode(made);
        Path file = Files.write(directory.resolve("ct.dcm"), concat(header, DATA_SET));

        assertThat(made.dataSetOffset()).isEqualTo(header.length);
        assertThat(Arrays.copyOfRange(header, 128, 132)).isEqualTo(new byte[] {'D', 'I', 'C', 'M'});
        assertThat(ByteBuffer.wrap(header, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(header.length - 144);
        FileMetaInformation read = FileMetaInformation.read(file);
        assertThat(read.dataSetOffset()).isEqualTo(header.length);
        assertThat(read.mediaStorageSopClassUid()).isEqualTo(UID.CTImageStorage);
        assertThat(read.mediaStorageSopInstanceUid()).isEqualTo(ODD_INSTANCE);
        assertThat(read.transferSyntaxUid()).isEqualTo(UID.ExplicitVRLittleEndian);
        assertThat(read.attributes().getString(Tag.ImplementationClassUID))
                .isEqualTo(FileMetaInformation.IMPLEMENTATION_CLASS_UID);
        assertThat(encode(read)).as("the group length read is recomputed, not copied").isEqualTo(header);
    }

    @Test
    void theGroupEndsAtTheFirstElementOfAnotherGroupWhateverItsLengthSays() throws IOException {
        byte[] header = encode(FileMetaInformation.of(UID.CTImageStorage, ODD_INSTANCE, UID.ExplicitVRLittleEndian));
        header[140] += 20;
        Path file = Files.write(directory.resolve("wrong-length.dcm"), concat(header, DATA_SET));

        assertThat(FileMetaInformation.read(file).dataSetOffset()).isEqualTo(header.length);
    }

    @Test
    void refusesWhatIsNotAPs310FileWithATransferSyntax() throws IOException {
        byte[] header = encode(FileMetaInformation.of(UID.CTImageStorage, ODD_INSTANCE, UID.ExplicitVRLittleEndian));
        byte[] noPrefix = header.clone();
        noPrefix[131] = 'X';
        FileMetaInformation noSyntax = FileMetaInformation.of(UID.CTImageStorage, ODD_INSTANCE, UID.ExplicitVRLittleEndian);
        noSyntax.attributes().remove(Tag.TransferSyntaxUID);
        byte[] truncated = Arrays.copyOf(header, header.length - 3);

        assertRefused(Arrays.copyOf(header, 100), "shorter than its preamble");
        assertRefused(noPrefix, "no \"DICM\"");
        assertRefused(encode(noSyntax), "no Transfer Syntax UID");
        assertRefused(truncated, "truncated");
    }

    private void assertRefused(byte[] content, String reason) throws IOException {
        Path file = Files.write(directory.resolve("refused.dcm"), content);
        assertThatThrownBy(() -> FileMetaInformation.read(file))
                .isInstanceOf(DicomStreamException.class).hasMessageContaining(reason);
    }

    private static byte[] encode(FileMetaInformation meta) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        meta.write(out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
