package org.harmonyee.dicom.io;

import org.harmonyee.dicom.Corpus;
import org.harmonyee.dicom.Dcmtk;
import org.harmonyee.dicom.Pydicom;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pydicom reads every file we write, in every native syntax with defined and undefined lengths,
 * with its warnings made errors and every value decoded, when it so reads the file we copied;
 * one pydicom run for the originals and one for all we wrote.
 */
class PydicomReadsWhatWeWriteTest {

    private static final List<String> NATIVE = List.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
            UID.ExplicitVRBigEndian, UID.DeflatedExplicitVRLittleEndian);

    @Test
    void pydicomReadsOurFilesWithoutAWarning() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "pydicom-reads"));
        List<String> written = new ArrayList<>();
        for (Path file : strictlyReadable(Corpus.withDatasetSample())) {
            Attributes dataset;
            TransferSyntax syntax;
            try (DicomInputStream in = DicomInputStream.open(file)) {
                dataset = in.readDataset();
                syntax = in.transferSyntax();
            } catch (DicomStreamException truncated) {
                continue;
            }
            for (String target : syntax.isNative() ? NATIVE : List.of(syntax.uid())) {
                for (boolean definedLengths : new boolean[] {false, true}) {
                    Path out = directory.resolve(file.getFileName() + "." + target + (definedLengths ? ".defined" : "") + ".dcm");
                    RoundTripTest.write(dataset, target, definedLengths, out);
                    written.add(out.toString());
                }
            }
        }

        Dcmtk.Result pydicom = Pydicom.run("read_strictly.py", written.toArray(String[]::new));

        assertThat(pydicom.stderr()).isEmpty();
        assertThat(pydicom.stdout().lines().filter(line -> !line.startsWith("ok ")).limit(5)).isEmpty();
        assertThat(pydicom.stdout().lines().count()).isEqualTo(written.size());
        assertThat(written.size()).isGreaterThan(300);
    }

    /**
     * The files pydicom itself reads strictly: some samples break a rule (a DS longer than 16
     * characters ...), which a lossless copy keeps, so only the others can show what we add.
     */
    private static List<Path> strictlyReadable(List<Path> files) throws Exception {
        Dcmtk.Result pydicom = Pydicom.run("read_strictly.py", files.stream().map(Path::toString).toArray(String[]::new));
        assertThat(pydicom.status()).as(pydicom.stderr()).isZero();
        List<String> ok = pydicom.stdout().lines().filter(line -> line.startsWith("ok ")).map(line -> line.substring(3)).toList();
        return files.stream().filter(file -> ok.contains(file.toString())).toList();
    }
}
