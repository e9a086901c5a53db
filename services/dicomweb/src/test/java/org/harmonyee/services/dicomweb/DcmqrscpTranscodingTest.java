package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.json.BulkDataUris;
import org.harmonyee.dicom.json.DicomJsonWriter;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WADO-RS of instances in a native syntax the caller did not ask for, from dcmqrscp (which sends
 * native instances in Explicit VR Little Endian, the first native syntax the C-GET proposes, whether
 * stored so or in Implicit VR Little Endian with private tags): transcoded to Implicit VR Little
 * Endian and to Explicit VR Big Endian, each answer names its syntax, carries it in its File Meta
 * Information, equals the original attribute by attribute and is read whole by DCMTK's dcmdump.
 * {@code transcode_to = []} turns it off
 * (406), a JPEG instance is never transcoded (406), and a compressed syntax in {@code transcode_to}
 * is a problem naming the key.
 */
@Timeout(300)
class DcmqrscpTranscodingTest {

    @TempDir
    static Path directory;
    private static BridgedPacs<Dcmqrscp> bridged;
    private static DicomWebGateway gateway;
    private static List<TestDataset.Instance> instances;

    @BeforeAll
    static void start() throws Exception {
        bridged = BridgedPacs.loadedDcmqrscp(directory, "");
        gateway = bridged.gateway();
        instances = TestDataset.instances();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bridged != null) {
            bridged.close();
        }
    }

    private static TestDataset.Instance storedIn(String syntax) {
        return instances.stream().filter(i -> i.transferSyntaxUid().equals(syntax)).findFirst().orElseThrow();
    }

    private static String path(TestDataset.Instance instance) {
        return "/studies/" + instance.studyInstanceUid() + "/series/" + instance.seriesInstanceUid() + "/instances/"
                + instance.sopInstanceUid();
    }

    private static String accept(String syntax) {
        return "multipart/related; type=\"application/dicom\"; transfer-syntax=" + syntax;
    }

    /** The data set as DICOM JSON with every binary value inline: what the comparison sees. */
    private static JsonNode dataset(Path file) throws IOException {
        Attributes dataset;
        try (DicomInputStream in = DicomInputStream.open(file)) {
            in.fileMetaInformation();
            dataset = in.readDataset();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            new DicomJsonWriter(generator, BulkDataUris.INLINE).write(dataset);
        }
        return Json.parse(out.toByteArray());
    }

    @ParameterizedTest(name = "stored in {0}, asked in {1}")
    @CsvSource({
            "1.2.840.10008.1.2, 1.2.840.10008.1.2",
            "1.2.840.10008.1.2, 1.2.840.10008.1.2.2",
            "1.2.840.10008.1.2.1, 1.2.840.10008.1.2",
            "1.2.840.10008.1.2.1, 1.2.840.10008.1.2.2"})
    void anInstanceIsTranscodedToTheNativeSyntaxAskedEqualAttributeByAttribute(String stored, String asked)
            throws Exception {
        TestDataset.Instance instance = storedIn(stored);

        DicomWebGateway.Answer answer = gateway.get(path(instance), "Accept", accept(asked));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<MultipartParts.Part> parts = MultipartParts.of(answer.body(),
                MediaTypes.parameter(answer.header("Content-Type"), "boundary").orElseThrow());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).headers()).containsEntry("content-type", "application/dicom; transfer-syntax=" + asked);
        Path file = Files.write(directory.resolve(stored + "-" + asked + ".dcm"), parts.get(0).content());
        assertThat(FileMetaInformation.read(file).transferSyntaxUid()).isEqualTo(asked);
        assertThat(dataset(file)).isEqualTo(dataset(instance.file()));
        assertThat(dcmdump(file)).as("DCMTK's reading").contains("TransferSyntaxUID").contains(asked)
                .doesNotContain("E: ");
    }

    /** What DCMTK's dcmdump prints of {@code file}, which must read it to its end (exit 0). */
    private static String dcmdump(Path file) throws Exception {
        Process process = new ProcessBuilder("dcmdump", "-Un", "+L", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void withoutTranscodeToOrFromJpegWhatIsNotStoredIsNotAcceptable() throws Exception {
        TestDataset.Instance jpeg = storedIn(UID.JPEGBaseline8Bit);
        DicomWebGateway.Answer fromJpeg = gateway.get(path(jpeg), "Accept", accept(UID.ExplicitVRLittleEndian));
        assertThat(fromJpeg.status()).isEqualTo(406);
        assertThat(Json.parse(fromJpeg.body()).path("detail").asText()).contains("does not transcode");

        try (DicomWebGateway off = new DicomWebGateway(Files.createDirectories(directory.resolve("off")),
                bridged.threads().executor(), Dcmqrscp.AE_TITLE, bridged.pacs().port(), """
                transcode_to = []
                """)) {
            DicomWebGateway.Answer answer = off.get(path(storedIn(UID.ExplicitVRLittleEndian)), "Accept",
                    accept(UID.ImplicitVRLittleEndian));
            assertThat(answer.status()).isEqualTo(406);
        }
    }

    @Test
    void aCompressedSyntaxToTranscodeToIsAProblemNamingTheKey() {
        assertThatThrownBy(() -> new DicomWebGateway(Files.createDirectories(directory.resolve("bad")),
                bridged.threads().executor(), Dcmqrscp.AE_TITLE, bridged.pacs().port(), """
                transcode_to = ["%s"]
                """.formatted(UID.JPEGBaseline8Bit)))
                .hasMessageContaining("pipelines/dicomweb.toml: [middleware.bridge")
                .hasMessageContaining("transcode_to: '" + UID.JPEGBaseline8Bit + "' is not a native transfer syntax");
    }
}
