package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.net.peers.Dcmqrscp;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WADO-RS frames and pixel bulk data through the bridge from dcmqrscp: each frame is the bytes the
 * instance holds at its place (native) or its fragment (JPEG), named by media type and transfer
 * syntax, in the order asked; what cannot be served is the problem a client expects.
 */
@Timeout(300)
class DcmqrscpFramesTest {

    private static final String US_MULTIFRAME = "1.2.840.10008.5.1.4.1.1.3.1";

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

    private static TestDataset.Instance first(String sopClass, String syntax) {
        return instances.stream().filter(i -> (sopClass == null || i.sopClassUid().equals(sopClass))
                && i.transferSyntaxUid().equals(syntax)).findFirst().orElseThrow();
    }

    private static String path(TestDataset.Instance instance) {
        return "/studies/" + instance.studyInstanceUid() + "/series/" + instance.seriesInstanceUid() + "/instances/"
                + instance.sopInstanceUid();
    }

    private static List<MultipartParts.Part> parts(DicomWebGateway.Answer answer, String type) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        String contentType = answer.header("Content-Type");
        assertThat(MediaTypes.essence(contentType)).isEqualTo("multipart/related");
        assertThat(MediaTypes.parameter(contentType, "type")).contains(type);
        return MultipartParts.of(answer.body(), MediaTypes.parameter(contentType, "boundary").orElseThrow());
    }

    /** The native frames of the file as the toolkit reads its Pixel Data. */
    private static List<byte[]> nativeFrames(TestDataset.Instance instance) throws Exception {
        try (DicomInputStream in = DicomInputStream.open(instance.file())) {
            Attributes dataSet = in.readDataset();
            byte[] pixels = dataSet.get(Tag.PixelData).bytes();
            int frames = Math.max(1, dataSet.getInt(Tag.NumberOfFrames, 1));
            int length = pixels.length / frames;
            return Stream.iterate(0, i -> i + 1).limit(frames)
                    .map(i -> Arrays.copyOfRange(pixels, i * length, (i + 1) * length)).toList();
        }
    }

    @Test
    void framesOfAMultiFrameInstanceAreItsPixelBytesInTheOrderAsked() throws Exception {
        TestDataset.Instance instance = first(US_MULTIFRAME, UID.ExplicitVRLittleEndian);
        List<byte[]> expected = nativeFrames(instance);
        assertThat(expected).hasSizeGreaterThan(2);

        List<MultipartParts.Part> parts = parts(gateway.get(path(instance) + "/frames/3,1"), "application/octet-stream");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).headers().get("content-type"))
                .isEqualTo("application/octet-stream; transfer-syntax=" + UID.ExplicitVRLittleEndian);
        assertThat(parts.get(0).content()).isEqualTo(expected.get(2));
        assertThat(parts.get(1).content()).isEqualTo(expected.get(0));

        List<MultipartParts.Part> all = parts(gateway.get(path(instance) + "/bulkdata/7FE00010"), "application/octet-stream");
        assertThat(all).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(all.get(i).content()).as("frame " + (i + 1)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void nativeFramesAreSentInImplicitVrLittleEndianOrExplicitVrBigEndianWhenAskedSo() throws Exception {
        TestDataset.Instance instance = first(null, UID.ImplicitVRLittleEndian);
        byte[] littleEndian = nativeFrames(instance).get(0);
        String octets = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=";

        List<MultipartParts.Part> implicit = parts(gateway.get(path(instance) + "/frames/1", "Accept",
                octets + UID.ImplicitVRLittleEndian), "application/octet-stream");
        assertThat(implicit.get(0).headers().get("content-type"))
                .isEqualTo("application/octet-stream; transfer-syntax=" + UID.ImplicitVRLittleEndian);
        assertThat(implicit.get(0).content()).as("the same bytes").isEqualTo(littleEndian);

        List<MultipartParts.Part> bigEndian = parts(gateway.get(path(instance) + "/frames/1", "Accept",
                octets + UID.ExplicitVRBigEndian), "application/octet-stream");
        assertThat(bigEndian.get(0).headers().get("content-type"))
                .isEqualTo("application/octet-stream; transfer-syntax=" + UID.ExplicitVRBigEndian);
        byte[] swapped = littleEndian.clone();
        for (int i = 0; i + 1 < swapped.length; i += 2) {
            swapped[i] = littleEndian[i + 1];
            swapped[i + 1] = littleEndian[i];
        }
        assertThat(bigEndian.get(0).content()).as("16-bit samples, each swapped").isEqualTo(swapped);
    }

    @Test
    void aSingleFrameInstanceStoredImplicitVrIsItsPixelDataNamedExplicitVrLittleEndian() throws Exception {
        TestDataset.Instance instance = first(null, UID.ImplicitVRLittleEndian);

        List<MultipartParts.Part> parts = parts(gateway.get(path(instance) + "/frames/1",
                "Accept", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*"), "application/octet-stream");

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).headers().get("content-type")).as("native frames are named Explicit VR Little Endian")
                .isEqualTo("application/octet-stream; transfer-syntax=" + UID.ExplicitVRLittleEndian);
        assertThat(parts.get(0).content()).isEqualTo(nativeFrames(instance).get(0));
    }

    @Test
    void aJpegFrameIsItsFragment() throws Exception {
        TestDataset.Instance instance = first(null, UID.JPEGBaseline8Bit);
        byte[] fragment;
        try (DicomInputStream in = DicomInputStream.open(instance.file())) {
            fragment = (byte[]) ((Fragments) in.readDataset().get(Tag.PixelData).value()).items().get(1);
        }

        List<MultipartParts.Part> parts = parts(gateway.get(path(instance) + "/frames/1",
                "Accept", "multipart/related; type=\"image/jpeg\""), "image/jpeg");

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).headers().get("content-type")).isEqualTo("image/jpeg; transfer-syntax=" + UID.JPEGBaseline8Bit);
        assertThat(parts.get(0).content()).isEqualTo(fragment);
        assertThat(parts.get(0).content()[0] & 0xFF).as("JPEG SOI").isEqualTo(0xFF);
    }

    @Test
    void whatCannotBeServedIsSaidSo() throws Exception {
        TestDataset.Instance instance = first(null, UID.ExplicitVRLittleEndian);
        assertProblem(gateway.get(path(instance) + "/frames/2"), 404, "frame 2");
        assertProblem(gateway.get(path(instance) + "/frames/0"), 400, "frame list");
        assertProblem(gateway.get(path(instance) + "/frames/1,x"), 400, "frame list");
        assertProblem(gateway.get(path(instance) + "/frames/1", "Accept", "multipart/related; type=\"image/jpeg\""),
                406, "does not transcode");
        assertProblem(gateway.get(path(instance) + "/bulkdata/00100010"), 404, "not a QIDO-RS");
        assertProblem(gateway.get("/studies/1.2/series/3.4/instances/5.6/frames/1"), 404, "no instances");
        DicomWebGateway.Answer head = gateway.send("HEAD", path(instance) + "/frames/1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(Files.list(directory.resolve("gateway").resolve("storage").resolve("spool")))
                .as("no spooled instance left").isEmpty();
    }

    private static void assertProblem(DicomWebGateway.Answer answer, int status, String detail) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        JsonNode problem = Json.parse(answer.body());
        assertThat(problem.path("detail").asText()).contains(detail);
    }
}
