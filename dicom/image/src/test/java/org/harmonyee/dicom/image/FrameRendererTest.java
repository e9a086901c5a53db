package org.harmonyee.dicom.image;

import org.harmonyee.dicom.Corpus;
import org.harmonyee.dicom.Dcmtk;
import org.harmonyee.dicom.TestDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Frames rendered as DCMTK's dcmj2pnm renders them (the same VOI LUT window, MONOCHROME1 inverted,
 * RGB and YBR as RGB): the mean absolute difference per sample of the two PNGs is below one gray
 * level for native data and two for JPEG (the decoders' IDCTs differ).
 */
class FrameRendererTest {

    @TempDir
    static Path directory;

    /** One instance per series of the test dataset, and the pydicom corpus's native and JPEG images. */
    static Stream<Path> images() {
        List<Path> files = new ArrayList<>(TestDataset.onePerSeries());
        for (String name : List.of("CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm",
                "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_jpeg_gdcm.dcm", "SC_rgb_small_odd.dcm", "SC_rgb_dcmtk_+eb+cy+np.dcm")) {
            files.add(Corpus.PYDICOM_FILES.resolve(name));
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("images")
    void rendersTheDataSetsWindowAsDcmtkDoes(Path file) throws Exception {
        ImagePixels image = ImagePixels.read(file);
        boolean hasWindow = FrameRenderer.dataSetWindow(image.dataSet()).isPresent();
        BufferedImage ours = png(FrameRenderer.render(image, 1, Optional.empty(), null));
        BufferedImage dcmtk = dcmj2pnm(file, hasWindow ? List.of("+Wi", "1") : List.of("+Wm"));
        assertThat(meanAbsoluteDifference(ours, dcmtk)).as(file.toString()).isLessThan(tolerance(file));
    }

    @Test
    void rendersAWindowAskedAndMonochrome1Inverted() throws Exception {
        Path ct = TestDataset.onePerSeries().get(0);
        Path inverse = directory.resolve("monochrome1.dcm");
        Files.copy(ct, inverse);
        assertThat(Dcmtk.run("dcmodify", "-nb", "-m", "PhotometricInterpretation=MONOCHROME1", inverse.toString())
                .status()).isZero();
        for (Path file : List.of(ct, inverse)) {
            BufferedImage ours = png(FrameRenderer.render(ImagePixels.read(file), 1,
                    Optional.of(new VoiWindow(-600, 1500, VoiWindow.Function.LINEAR)), null));
            BufferedImage dcmtk = dcmj2pnm(file, List.of("+Ww", "-600", "1500"));
            assertThat(meanAbsoluteDifference(ours, dcmtk)).as(file.toString()).isLessThan(1.0);
        }
    }

    @Test
    void aViewportScalesToFitKeepingTheAspectRatio() throws Exception {
        ImagePixels image = ImagePixels.read(TestDataset.onePerSeries().get(0));
        BufferedImage whole = FrameRenderer.render(image, 1, Optional.empty(), new Viewport(128, 64, null));
        assertThat(whole.getWidth()).isEqualTo(64);
        assertThat(whole.getHeight()).isEqualTo(64);
        BufferedImage region = FrameRenderer.render(image, 1, Optional.empty(),
                new Viewport(100, 100, new Viewport.Region(0, 0, 512, 256)));
        assertThat(region.getWidth()).isEqualTo(100);
        assertThat(region.getHeight()).isEqualTo(50);
        assertThatThrownBy(() -> FrameRenderer.render(image, 1, Optional.empty(),
                new Viewport(100, 100, new Viewport.Region(400, 0, 200, 10))))
                .isInstanceOf(UnrenderableImageException.class).hasMessageContaining("outside the frame");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JPEG2000.dcm", "MR_small_jpeg_ls_lossless.dcm", "MR_small_RLE.dcm", "MR_small_bigendian.dcm"})
    void syntaxesWithoutADecoderAreUnrenderable(String name) {
        assertThatThrownBy(() -> ImagePixels.read(Corpus.PYDICOM_FILES.resolve(name)))
                .isInstanceOf(UnrenderableImageException.class).hasMessageContaining("has no decoder here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JPEG-lossy.dcm", "JPGExtended.dcm", "SC_ybr_full_422_uncompressed.dcm", "liver_1frame.dcm"})
    void layoutsWithoutARendererAreUnrenderable(String name) {
        assertThatThrownBy(() -> ImagePixels.read(Corpus.PYDICOM_FILES.resolve(name)))
                .isInstanceOf(UnrenderableImageException.class).hasMessageContaining("not rendered here");
    }

    @Test
    void framesOfAMultiFrameImageAreEachRendered() throws Exception {
        Path multiFrame = TestDataset.instances().stream().filter(i -> i.modality().equals("CT"))
                .map(TestDataset.Instance::file).filter(f -> {
                    try {
                        return ImagePixels.read(f).numberOfFrames() > 1;
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        ImagePixels image = ImagePixels.read(multiFrame);
        BufferedImage first = png(FrameRenderer.render(image, 1, Optional.empty(), null));
        BufferedImage last = png(FrameRenderer.render(image, image.numberOfFrames(), Optional.empty(), null));
        BufferedImage dcmtkLast = dcmj2pnm(multiFrame, List.of("+Wi", "1", "+F", String.valueOf(image.numberOfFrames())));
        assertThat(meanAbsoluteDifference(last, dcmtkLast)).isLessThan(1.0);
        assertThat(meanAbsoluteDifference(first, last)).isGreaterThan(1.0);
    }

    private static double tolerance(Path file) throws Exception {
        String dump = Dcmtk.run("dcmdump", "-M", "+P", "0002,0010", file.toString()).stdout();
        return dump.contains("1.2.840.10008.1.2.4.") ? 2.0 : 1.0;
    }

    /** The image as written to PNG and read back, as a client gets it. */
    private static BufferedImage png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderedImages.write(image, RenderedImages.IMAGE_PNG, 100, out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static BufferedImage dcmj2pnm(Path file, List<String> options) throws Exception {
        Path out = Files.createTempFile(directory, "dcmtk-", ".png");
        List<String> arguments = new ArrayList<>(List.of("+on"));
        arguments.addAll(options);
        arguments.addAll(List.of(file.toString(), out.toString()));
        Dcmtk.Result result = Dcmtk.run("dcmj2pnm", arguments.toArray(String[]::new));
        assertThat(result.status()).as(result.stderr()).isZero();
        return ImageIO.read(out.toFile());
    }

    /** Mean absolute difference per sample; images of different sizes or sample counts are infinitely apart. */
    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        Raster ra = a.getRaster();
        Raster rb = b.getRaster();
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight() || ra.getNumBands() != rb.getNumBands()) {
            return Double.POSITIVE_INFINITY;
        }
        int[] sa = ra.getPixels(0, 0, a.getWidth(), a.getHeight(), (int[]) null);
        int[] sb = rb.getPixels(0, 0, b.getWidth(), b.getHeight(), (int[]) null);
        long sum = 0;
        for (int i = 0; i < sa.length; i++) {
            sum += Math.abs(sa[i] - sb[i]);
        }
        return (double) sum / sa.length;
    }
}
