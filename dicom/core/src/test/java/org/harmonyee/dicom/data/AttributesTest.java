package org.harmonyee.dicom.data;

import org.harmonyee.dicom.Dcmtk;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.DicomOutputStream;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed access to a dataset, and what DCMTK makes of the values we set. */
class AttributesTest {

    @Test
    void typedValuesSetAndReadBackAndDcmdumpAgrees() throws Exception {
        Attributes dataset = new Attributes();
        dataset.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        dataset.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        dataset.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        dataset.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        dataset.setString(Tag.PatientName, VR.PN, "Müller^Jürgen=ミュラー^ユルゲン");
        dataset.setDate(Tag.StudyDate, LocalDate.of(2024, 1, 15));
        dataset.setTime(Tag.StudyTime, LocalTime.of(10, 30, 12, 500_000_000));
        dataset.setDateTime(Tag.AcquisitionDateTime, OffsetDateTime.of(2024, 1, 15, 10, 30, 12, 0, ZoneOffset.ofHours(-5)));
        dataset.setInt(Tag.Rows, VR.US, 512);
        dataset.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.25);
        dataset.setString(Tag.WindowCenter, VR.DS, "40", "-600");
        int privateTag = dataset.reservePrivateTag("HARMONY TEST", 0x0029, 0x01);
        dataset.setString(privateTag, VR.LO, "private value");

        assertThat(dataset.getStrings(Tag.ImageType)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
        assertThat(dataset.getPersonName(Tag.PatientName).orElseThrow().ideographic()).isEqualTo("ミュラー^ユルゲン");
        assertThat(dataset.getPersonName(Tag.PatientName).orElseThrow().component(1)).isEqualTo("Jürgen");
        assertThat(dataset.getDate(Tag.StudyDate)).contains(LocalDate.of(2024, 1, 15));
        assertThat(dataset.getTime(Tag.StudyTime)).contains(LocalTime.of(10, 30, 12, 500_000_000));
        assertThat(dataset.getDateTime(Tag.StudyDate, Tag.StudyTime)).contains(LocalDateTime.of(2024, 1, 15, 10, 30, 12, 500_000_000));
        assertThat(dataset.getDateTime(Tag.AcquisitionDateTime).orElseThrow().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(dataset.getInt(Tag.Rows, 0)).isEqualTo(512);
        assertThat(dataset.getDoubles(Tag.PixelSpacing)).containsExactly(0.5, 0.25);
        assertThat(dataset.getLongs(Tag.WindowCenter)).containsExactly(40, -600);
        assertThat(privateTag).isEqualTo(0x00291001);
        assertThat(dataset.privateTag("HARMONY TEST", 0x0029, 0x01)).isEqualTo(privateTag);
        assertThat(dataset.privateCreatorOf(privateTag)).isEqualTo("HARMONY TEST");
        assertThat(dataset.reservePrivateTag("OTHER", 0x0029, 0x01)).isEqualTo(0x00291101);

        Path file = Files.createTempFile(Path.of("target"), "typed", ".dcm");
        try (OutputStream out = Files.newOutputStream(file); DicomOutputStream dicom = new DicomOutputStream(out)) {
            dicom.writeFile(FileMetaInformation.of(UID.SecondaryCaptureImageStorage, "1.2.3.4.5",
                    UID.ExplicitVRLittleEndian), dataset);
        }
        Dcmtk.Result dump = Dcmtk.run("dcmdump", "+U8", file.toString());
        assertThat(dump.stderr()).isEmpty();
        assertThat(dump.stdout()).contains("(0008,0020) DA [20240115]", "(0008,0030) TM [103012.500000]",
                "(0008,002a) DT [20240115103012-0500]", "(0028,0030) DS [0.5\\0.25]", "(0029,0010) LO [HARMONY TEST]",
                "(0029,1001) LO [private value]", "[Müller^Jürgen=ミュラー^ユルゲン]");
        try (DicomInputStream in = DicomInputStream.open(file)) {
            assertThat(in.readDataset().getDateTime(Tag.AcquisitionDateTime))
                    .contains(OffsetDateTime.of(2024, 1, 15, 10, 30, 12, 0, ZoneOffset.ofHours(-5)));
        }
    }

    @Test
    void malformedOrPartialDatesAndTimes() {
        assertThat(DateTimes.parseDate("2024011")).isEmpty();
        assertThat(DateTimes.parseDate("20241315")).isEmpty();
        assertThat(DateTimes.parseTime("10")).contains(LocalTime.of(10, 0));
        assertThat(DateTimes.parseTime("1030")).contains(LocalTime.of(10, 30));
        assertThat(DateTimes.parseTime("103012.1")).contains(LocalTime.of(10, 30, 12, 100_000_000));
        assertThat(DateTimes.parseTime("10:30")).isEmpty();
        assertThat(DateTimes.parseDateTime("2024", ZoneOffset.UTC)).contains(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(DateTimes.parseDateTime("202401151030+0100", ZoneOffset.UTC))
                .contains(OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(DateTimes.parseDateTime("2024x", ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void itemsInheritTheCharacterSetAndKeepTagOrder() {
        Attributes dataset = new Attributes();
        dataset.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        dataset.setString(Tag.PatientID, VR.LO, "B");
        dataset.setString(Tag.AccessionNumber, VR.SH, "A");
        Attributes item = dataset.newSequence(Tag.ReferencedStudySequence).addItem();
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2");

        assertThat(item.characterSet().toString()).isEqualTo("ISO_IR 100");
        assertThat(dataset.iterator().next().tag()).isEqualTo(Tag.SpecificCharacterSet);
        assertThat(java.util.stream.StreamSupport.stream(dataset.spliterator(), false).map(DicomElement::tag).toList())
                .isSorted();
    }
}
