package org.harmonyee.services.dicomweb;

import org.harmonyee.core.content.MediaTypes;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.net.peers.Orthanc;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Optional;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendered instances and frames through the bridge from Orthanc's DIMSE, against Orthanc's own
 * DICOMweb {@code /rendered} of the same instance: the same size, and decoded pixels within a mean
 * absolute difference of a few levels per sample (the two JPEG encoders differ; PNG is compared
 * too). Also the bridge's statuses: 404, 400, 406, and 502 for an unknown instance (Orthanc answers its
 * C-GET with a failure, not with no sub-operations).
 */
@Timeout(300)
class OrthancRenderedTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path directory;
    private static BridgedPacs<Orthanc> bridged;
    private static DicomWebGateway gateway;
    private static List<TestDataset.Instance> onePerSeries;

    @BeforeAll
    static void start() throws Exception {
        bridged = BridgedPacs.orthanc(directory);
        gateway = bridged.gateway();
        Map<String, TestDataset.Instance> firsts = new LinkedHashMap<>();
        for (TestDataset.Instance instance : TestDataset.instances()) {
            firsts.putIfAbsent(instance.seriesInstanceUid(), instance);
        }
        onePerSeries = List.copyOf(firsts.values());
        for (TestDataset.Instance instance : onePerSeries) {
            bridged.pacs().store(instance.file());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (bridged != null) {
            bridged.close();
        }
    }

    static Stream<TestDataset.Instance> instances() {
        return onePerSeries.stream();
    }

    private static URI orthanc(String path) {
        return URI.create("http://127.0.0.1:" + bridged.pacs().httpPort() + path);
    }

    private static String path(TestDataset.Instance instance) {
        return "/studies/" + instance.studyInstanceUid() + "/series/" + instance.seriesInstanceUid() + "/instances/"
                + instance.sopInstanceUid();
    }

    private static BufferedImage oracle(String pathAndQuery, String accept) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(orthanc("/dicom-web" + pathAndQuery))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as("Orthanc " + pathAndQuery).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(answer.body()));
    }

    private static BufferedImage ours(String pathAndQuery, String accept) throws IOException {
        DicomWebGateway.Answer answer = gateway.get(pathAndQuery, "Accept", accept);
        assertThat(answer.status()).as(pathAndQuery + ": " + answer.text()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo(accept);
        return ImageIO.read(new ByteArrayInputStream(answer.body()));
    }

    /**
     * Orthanc's DICOMweb 1.7 renders grayscale over the frame's whole range when no window is asked,
     * where PS3.4 N.2 (and the gateway) take the data set's VOI LUT: so the data set's first window
     * is asked of both, and the gateway's answer without it must equal its answer with it.
     */
    @ParameterizedTest
    @MethodSource("instances")
    void anInstanceRendersAsOrthancRendersIt(TestDataset.Instance instance) throws Exception {
        String query = dataSetWindow(instance).map(w -> "?window=" + w + ",linear").orElse("");
        for (String type : List.of("image/jpeg", "image/png")) {
            BufferedImage ours = ours(path(instance) + "/rendered" + query, type);
            BufferedImage theirs = oracle(path(instance) + "/rendered" + query, type);
            assertThat(meanAbsoluteDifference(ours, theirs)).as(type + " of " + instance.file()).isLessThan(4.0);
        }
        BufferedImage asStored = ours(path(instance) + "/rendered", "image/png");
        assertThat(meanAbsoluteDifference(asStored, ours(path(instance) + "/rendered" + query, "image/png"))).isZero();
    }

    /** The data set's first Window Center and Width as {@code center,width}, when it has them. */
    private static Optional<String> dataSetWindow(TestDataset.Instance instance) throws IOException {
        try (DicomInputStream in = DicomInputStream.open(instance.file())) {
            Attributes dataSet = in.readDataset(Tag.PixelData);
            double[] center = dataSet.getDoubles(Tag.WindowCenter);
            double[] width = dataSet.getDoubles(Tag.WindowWidth);
            return center == null || center.length == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(center[0]).toPlainString() + "," + BigDecimal.valueOf(width[0]).toPlainString());
        }
    }

    @Test
    void aFrameOfAMultiFrameInstanceAndAWindowAsked() throws Exception {
        TestDataset.Instance multiFrame = onePerSeries.stream()
                .filter(i -> i.sopClassUid().equals("1.2.840.10008.5.1.4.1.1.7.3")).findFirst().orElseThrow();
        String frame = path(multiFrame) + "/frames/7/rendered";
        String windowed = frame + "?window=300,1500,linear";
        BufferedImage bone = ours(windowed, "image/png");
        assertThat(meanAbsoluteDifference(bone, oracle(windowed, "image/png"))).isLessThan(4.0);
        assertThat(meanAbsoluteDifference(bone, ours(frame, "image/png"))).isGreaterThan(4.0);
    }

    @Test
    void viewportsAndThumbnailsFitTheSizeAsked() throws Exception {
        TestDataset.Instance ct = onePerSeries.get(0);
        BufferedImage viewport = ours(path(ct) + "/rendered?viewport=200,100", "image/jpeg");
        assertThat(viewport.getWidth()).isEqualTo(100);
        assertThat(viewport.getHeight()).isEqualTo(100);
        for (String level : List.of("/studies/" + ct.studyInstanceUid(), "/studies/" + ct.studyInstanceUid()
                + "/series/" + ct.seriesInstanceUid(), path(ct))) {
            BufferedImage thumbnail = ours(level + "/thumbnail", "image/jpeg");
            assertThat(thumbnail.getWidth()).as(level).isEqualTo(RenderingParameters.THUMBNAIL_SIZE);
        }
    }

    @Test
    void aSeriesRendersAsOnePartPerInstance() throws Exception {
        TestDataset.Instance us = onePerSeries.stream().filter(i -> i.sopClassUid().equals("1.2.840.10008.5.1.4.1.1.6.1"))
                .findFirst().orElseThrow();
        DicomWebGateway.Answer answer = gateway.get("/studies/" + us.studyInstanceUid() + "/series/"
                + us.seriesInstanceUid() + "/rendered", "Accept", "multipart/related; type=\"image/png\"");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        String boundary = MediaTypes.parameter(answer.header("Content-Type"), "boundary").orElseThrow();
        List<MultipartParts.Part> parts = MultipartParts.of(answer.body(), boundary);
        assertThat(parts).hasSize(1);
        assertThat(meanAbsoluteDifference(ImageIO.read(new ByteArrayInputStream(parts.get(0).content())),
                oracle(path(us) + "/rendered", "image/png"))).isLessThan(4.0);
    }

    @Test
    void whatCannotBeRenderedIsAProblem() {
        TestDataset.Instance ct = onePerSeries.get(0);
        assertThat(gateway.get(path(ct) + "/rendered", "Accept", "image/gif").status()).isEqualTo(406);
        assertThat(gateway.get(path(ct) + "/rendered", "Accept", "application/dicom").status()).isEqualTo(406);
        assertThat(gateway.get(path(ct) + "/frames/2/rendered").status()).isEqualTo(404);
        DicomWebGateway.Answer unknown = gateway.get(path(ct).replace(ct.sopInstanceUid(), "1.2.3.4") + "/rendered");
        assertThat(unknown.status()).as("Orthanc fails a C-GET of an unknown instance: " + unknown.text()).isEqualTo(502);
        for (String query : List.of("window=40,400", "window=40,0,linear", "window=a,b,linear", "window=40,400,cubic",
                "viewport=0,10", "viewport=10", "viewport=10,10,0,0,-5,5", "quality=101", "quality=high")) {
            DicomWebGateway.Answer answer = gateway.get(path(ct) + "/rendered?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        }
        DicomWebGateway.Answer outside = gateway.get(path(ct) + "/rendered?viewport=10,10,500,0,100,100");
        assertThat(outside.status()).isEqualTo(406);
        assertThat(outside.text()).contains("outside the frame");
    }

    /** Mean absolute difference per sample, both as gray or both as RGB; different sizes are infinitely apart. */
    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return Double.POSITIVE_INFINITY;
        }
        int[] sa = samples(a, Math.max(a.getRaster().getNumBands(), b.getRaster().getNumBands()));
        int[] sb = samples(b, Math.max(a.getRaster().getNumBands(), b.getRaster().getNumBands()));
        long sum = 0;
        for (int i = 0; i < sa.length; i++) {
            sum += Math.abs(sa[i] - sb[i]);
        }
        return (double) sum / sa.length;
    }

    private static int[] samples(BufferedImage image, int bands) {
        Raster raster = image.getRaster();
        if (raster.getNumBands() == bands) {
            return raster.getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
        }
        int[] gray = raster.getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
        int[] rgb = new int[gray.length * 3];
        for (int i = 0; i < gray.length; i++) {
            rgb[3 * i] = gray[i];
            rgb[3 * i + 1] = gray[i];
            rgb[3 * i + 2] = gray[i];
        }
        return rgb;
    }
}
