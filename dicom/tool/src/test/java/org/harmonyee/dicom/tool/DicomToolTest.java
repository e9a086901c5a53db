package org.harmonyee.dicom.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.dicom.Corpus;
import org.harmonyee.dicom.Dcmtk;
import org.harmonyee.dicom.TestDataset;
import org.harmonyee.dicom.json.JsonEquivalence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as an operator runs them: output checked against DCMTK's, exit statuses and messages. */
class DicomToolTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path PYDICOM = Corpus.PYDICOM_FILES;
    private static final Pattern DUMP_LINE = Pattern.compile("^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\S\\S) ");



    /** Native files of every kind: the sample study, the dataset's series, big endian, implicit, nested, private, charsets. */
    static List<Path> nativeFiles() {
        List<Path> files = new ArrayList<>(List.of(Path.of("../core/src/test/resources/sample-ct-study/series_1/CT.1.1.dcm"),
                PYDICOM.resolve("ExplVR_BigEnd.dcm"), PYDICOM.resolve("MR_small_implicit.dcm"),
                PYDICOM.resolve("nested_priv_SQ.dcm"), PYDICOM.resolve("rtplan.dcm"), PYDICOM.resolve("image_dfl.dcm"),
                PYDICOM.resolve("ExplVR_LitEndNoMeta.dcm"), PYDICOM.resolveSibling("charset_files").resolve("chrRuss.dcm")));
        List<Path> onePerSeries = TestDataset.onePerSeries();
        TestDataset.instances().stream().filter(instance -> onePerSeries.contains(instance.file()))
                .filter(instance -> !instance.transferSyntaxUid().startsWith("1.2.840.10008.1.2.4"))
                .forEach(instance -> files.add(instance.file()));
        return files;
    }

    @ParameterizedTest
    @MethodSource("nativeFiles")
    void jsonMeansWhatDcm2jsonSays(Path file) throws Exception {
        ToolRun ours = ToolRun.run("json", file.toString());
        Dcmtk.Result theirs = Dcmtk.run("dcm2json", file.toString());

        assertThat(ours.status()).as(ours.err()).isZero();
        assertThat(ours.err()).isEmpty();
        assertThat(theirs.status()).as(theirs.stderr()).isZero();
        assertThat(JsonEquivalence.compare(MAPPER.readTree(theirs.stdout()), MAPPER.readTree(ours.out()))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("nativeFiles")
    void dumpListsTheElementsDcmdumpLists(Path file) throws Exception {
        ToolRun ours = ToolRun.run("dump", file.toString());
        Dcmtk.Result theirs = Dcmtk.run("dcmdump", "-q", file.toString());

        assertThat(ours.status()).as(ours.err()).isZero();
        assertThat(elements(ours.out())).isEqualTo(elements(theirs.stdout()));
        assertThat(ours.out()).contains("# Dataset (");
    }

    /** The BulkDataURI names exactly the bytes InlineBinary has: native pixel data, and JPEG fragments. */
    @Test
    void bulkDataUrisPointAtTheValueInTheFile() throws Exception {
        for (Path file : List.of(TestDataset.onePerSeries().get(0), PYDICOM.resolve("SC_rgb_jpeg_dcmtk.dcm"),
                PYDICOM.resolve("MR_small_RLE.dcm"))) {
            JsonNode inline = MAPPER.readTree(ToolRun.run("json", file.toString()).out());
            ToolRun byUri = ToolRun.run("json", "--bulk-data-uri-above", "1024", file.toString());
            JsonNode referenced = MAPPER.readTree(byUri.out());

            String uri = referenced.path("7FE00010").path("BulkDataURI").asText();
            assertThat(uri).as(file + ": " + byUri.err()).startsWith(file.toAbsolutePath().toUri().toString());
            assertThat(read(uri)).isEqualTo(Base64.getDecoder().decode(inline.path("7FE00010").path("InlineBinary").asText()));
            assertThat(referenced.path("00100010")).isEqualTo(inline.path("00100010"));
        }
    }

    @Test
    void omittedBulkDataLeavesOnlyTheLargeValuesOut() throws Exception {
        Path file = TestDataset.onePerSeries().get(0);
        JsonNode inline = MAPPER.readTree(ToolRun.run("json", file.toString()).out());
        JsonNode omitted = MAPPER.readTree(ToolRun.run("json", "--omit-bulk-data-above=1024", "--compact", file.toString()).out());

        assertThat(omitted.has("7FE00010")).isFalse();
        ((ObjectNode) inline).remove("7FE00010");
        assertThat(omitted).isEqualTo(inline);
    }

    @Test
    void filesThatAreNotDicomOrCorruptExitOneWithTheReason() throws Exception {
        Path text = Files.writeString(Files.createTempFile("not-dicom", ".txt"), "hello, this is not DICOM\n");
        for (String[] args : List.of(new String[] {"json", text.toString()}, new String[] {"dump", "pom.xml"},
                new String[] {"json", PYDICOM.resolve("MR_truncated.dcm").toString()},
                new String[] {"dump", PYDICOM.resolve("rtplan_truncated.dcm").toString()},
                new String[] {"json", "no-such-file.dcm"}, new String[] {"dump", "src"})) {
            ToolRun run = ToolRun.run(args);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("harmony dicom " + args[0] + ": " + args[1] + ": ").hasLineCount(1);
        }
        assertThat(ToolRun.run("json", text.toString()).err()).contains("not a DICOM file");
        assertThat(ToolRun.run("json", "no-such-file.dcm").err()).contains("no such file");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(ToolRun.run().status()).isEqualTo(2);
        assertThat(ToolRun.run("frobnicate").err()).contains("unknown command 'frobnicate'").contains("json").contains("dump");
        assertThat(ToolRun.run("json").err()).contains("no FILE given").contains("usage: harmony dicom json");
        assertThat(ToolRun.run("json", "--pretty", "x.dcm").err()).contains("unknown option '--pretty'");
        assertThat(ToolRun.run("json", "--bulk-data-uri-above", "1", "--omit-bulk-data-above", "1", "x.dcm").status()).isEqualTo(2);
        assertThat(ToolRun.run("json", "--bulk-data-uri-above", "lots", "x.dcm").err()).contains("expected a number of bytes");
        assertThat(ToolRun.run("--help").status()).isZero();
    }

    /** The real entry point, in its own JVM: the exit status reaches the shell. */
    @Test
    void mainExitsWithTheStatus() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DicomTool.class.getName(), "json", "pom.xml")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("pom.xml: not a DICOM file");
    }

    /** (depth, tag, VR) of each element line, items and delimiters aside; private VRs aside (DCMTK has a private dictionary). */
    private static List<String> elements(String dump) {
        List<String> elements = new ArrayList<>();
        for (String line : dump.split("\n")) {
            Matcher m = DUMP_LINE.matcher(line);
            if (m.find() && !m.group(2).equals("fffe")) {
                boolean isPrivate = (Integer.parseInt(m.group(2), 16) & 1) == 1;
                elements.add(m.group(1).length() + " " + m.group(2) + "," + m.group(3) + (isPrivate ? "" : " " + m.group(4)));
            }
        }
        return elements;
    }

    private static byte[] read(String uri) throws IOException {
        URI parsed = URI.create(uri);
        long offset = Long.parseLong(parsed.getQuery().replaceAll(".*offset=(\\d+).*", "$1"));
        int length = Integer.parseInt(parsed.getQuery().replaceAll(".*length=(\\d+).*", "$1"));
        byte[] bytes = new byte[length];
        try (RandomAccessFile file = new RandomAccessFile(Path.of(URI.create(uri.substring(0, uri.indexOf('?')))).toFile(), "r")) {
            file.seek(offset);
            file.readFully(bytes);
        }
        return bytes;
    }
}
