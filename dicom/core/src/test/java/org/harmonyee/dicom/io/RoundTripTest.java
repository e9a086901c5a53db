package org.harmonyee.dicom.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.harmonyee.dicom.Corpus;
import org.harmonyee.dicom.Dcmtk;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.json.DicomJson;
import org.harmonyee.dicom.json.JsonEquivalence;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read → write → read is lossless in every uncompressed transfer syntax (and deflate), with
 * sequences of undefined and of defined length; DCMTK's dcmdump reads what we wrote without a
 * warning or an error. Of the test dataset, one instance per series: the instances of a series
 * differ only in values, and eight written files per instance make the whole dataset slow.
 */
class RoundTripTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> NATIVE = List.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
            UID.ExplicitVRBigEndian, UID.DeflatedExplicitVRLittleEndian);

    static List<Path> corpus() throws IOException, InterruptedException {
        List<Path> readable = new ArrayList<>();
        for (Path file : Corpus.withDatasetSample()) {
            if (Dcmtk.run("dcmdump", "-q", file.toString()).status() == 0) {
                readable.add(file);
            }
        }
        return readable;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void writtenFilesReadBackTheSameAndDcmdumpAcceptsThem(Path file) throws Exception {
        Attributes original;
        TransferSyntax syntax;
        try (DicomInputStream in = DicomInputStream.open(file)) {
            original = in.readDataset();
            syntax = in.transferSyntax();
        }
        JsonNode expected = MAPPER.readTree(DicomJson.toJson(original));
        List<String> targets = syntax.isNative() ? NATIVE : List.of(syntax.uid());
        Path directory = Files.createDirectories(Path.of("target", "roundtrip"));
        for (String target : targets) {
            for (boolean definedLengths : new boolean[] {false, true}) {
                Path written = directory.resolve(file.getFileName() + "." + target + (definedLengths ? ".defined" : "") + ".dcm");
                write(original, target, definedLengths, written);

                Attributes reread;
                try (DicomInputStream in = DicomInputStream.open(written)) {
                    reread = in.readDataset();
                    assertThat(in.transferSyntax().uid()).isEqualTo(target);
                }
                JsonNode actual = MAPPER.readTree(DicomJson.toJson(reread));
                assertThat(target.equals(UID.ImplicitVRLittleEndian)
                        ? JsonEquivalence.compareAfterImplicitVR(expected, actual)
                        : JsonEquivalence.compare(expected, actual)).as(written.toString()).isEmpty();
                Dcmtk.Result dump = Dcmtk.run("dcmdump", "-q", written.toString());
                assertThat(dump.status()).as(written + ": " + dump.stderr()).isZero();
                assertThat(dump.stderr()).as(written.toString()).isEmpty();
            }
        }
    }

    static void write(Attributes dataset, String transferSyntax, boolean definedLengths, Path file)
            throws IOException {
        String sopClass = dataset.getString(Tag.SOPClassUID);
        String sopInstance = dataset.getString(Tag.SOPInstanceUID);
        FileMetaInformation meta = FileMetaInformation.of(sopClass == null ? UID.SecondaryCaptureImageStorage
                : sopClass, sopInstance == null ? "1.2.3.4" : sopInstance, transferSyntax);
        try (OutputStream out = Files.newOutputStream(file);
             DicomOutputStream dicom = new DicomOutputStream(out).definedLengths(definedLengths)) {
            dicom.writeFile(meta, dataset);
        }
    }
}
