package org.harmonyee.dicom.io;

import org.harmonyee.dicom.Dcmtk;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every family of encapsulated syntax, including those the corpus has no sample of (MPEG-2,
 * MPEG-4 AVC, HEVC): the fragments and the basic offset table are written and read back as they
 * were, and dcmdump reads the file without a warning.
 */
class EncapsulatedSyntaxesTest {

    @ParameterizedTest
    @ValueSource(strings = {UID.JPEGBaseline8Bit, UID.JPEGLSLossless, UID.JPEG2000Lossless, UID.RLELossless,
            UID.MPEG2MPML, UID.MPEG4HP41, UID.HEVCMP51, UID.EncapsulatedUncompressedExplicitVRLittleEndian})
    void fragmentsAndTheOffsetTableSurviveAWriteAndARead(String transferSyntax) throws Exception {
        Attributes dataset = new Attributes();
        dataset.setString(Tag.SOPClassUID, VR.UI, UID.VideoEndoscopicImageStorage);
        dataset.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5.6");
        dataset.setInt(Tag.Rows, VR.US, 4);
        dataset.setInt(Tag.Columns, VR.US, 4);
        dataset.setString(Tag.NumberOfFrames, VR.IS, "2");
        Fragments fragments = new Fragments(VR.OB);
        fragments.add(new byte[] {0, 0, 0, 0, 10, 0, 0, 0});
        fragments.add(new byte[] {1, 2, 3, 4, 5, 6});
        fragments.add(new byte[] {7, 8, 9, 10});
        fragments.add(new byte[] {11, 12});
        dataset.set(Tag.PixelData, VR.OB, fragments);

        Path file = Files.createTempFile(Path.of("target"), "encapsulated", ".dcm");
        try (OutputStream out = Files.newOutputStream(file); DicomOutputStream dicom = new DicomOutputStream(out)) {
            dicom.writeFile(FileMetaInformation.of(UID.VideoEndoscopicImageStorage, "1.2.3.4.5.6",
                    transferSyntax), dataset);
        }

        try (DicomInputStream in = DicomInputStream.open(file)) {
            Attributes read = in.readDataset();
            TransferSyntax syntax = in.transferSyntax();
            assertThat(syntax.encapsulated()).isTrue();
            Fragments back = (Fragments) read.get(Tag.PixelData).value();
            assertThat(back.items()).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat((byte[]) back.items().get(i)).isEqualTo((byte[]) fragments.items().get(i));
            }
        }
        Dcmtk.Result dump = Dcmtk.run("dcmdump", "+P", "7fe0,0010", file.toString());
        assertThat(dump.status()).as(dump.stderr()).isZero();
        assertThat(dump.stderr()).isEmpty();
        assertThat(dump.stdout()).contains("PixelSequence #=4");
    }
}
