package org.harmonyee.dicom.image;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * A frame as a viewer would first show it (PS3.4 N.2 grayscale and color pipelines, without
 * presentation states): for grayscale the Modality LUT (Rescale Slope and Intercept), the VOI LUT
 * (the window asked, else the data set's first Window Center and Width with its VOI LUT Function,
 * else the frame's range of modality values), inverted for MONOCHROME1, as 8-bit gray; color as
 * stored (RGB). The viewport, when given, is applied last.
 */
public final class FrameRenderer {

    private FrameRenderer() {
    }

    /**
     * @param image    the instance's pixels
     * @param number   the frame, from 1
     * @param window   the window asked, or empty for the data set's
     * @param viewport the viewport, or null for the frame's own size
     * @throws UnrenderableImageException the frame cannot be decoded, or the viewport's region lies outside it
     * @throws java.io.IOException        the pixel data cannot be read
     */
    public static BufferedImage render(ImagePixels image, int number, Optional<VoiWindow> window, Viewport viewport)
            throws java.io.IOException, UnrenderableImageException {
        Frame frame = image.frame(number);
        BufferedImage rendered = image.isGrayscale() ? gray(frame, image, window) : color(frame);
        return viewport == null ? rendered : scaled(rendered, viewport);
    }

    private static BufferedImage gray(Frame frame, ImagePixels image, Optional<VoiWindow> asked) {
        Attributes dataSet = image.dataSet();
        double slope = first(dataSet, Tag.RescaleSlope).orElse(1.0);
        double intercept = first(dataSet, Tag.RescaleIntercept).orElse(0.0);
        int[] samples = frame.samples();
        VoiWindow window = asked.or(() -> dataSetWindow(dataSet)).orElseGet(() -> range(samples, slope, intercept));
        BufferedImage out = new BufferedImage(frame.columns(), frame.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] display = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            int y = window.display(samples[i] * slope + intercept);
            display[i] = (byte) (image.isInverse() ? 255 - y : y);
        }
        out.getRaster().setDataElements(0, 0, frame.columns(), frame.rows(), display);
        return out;
    }

    /** Window Center and Width (their first values) with VOI LUT Function, when the data set has them. */
    static Optional<VoiWindow> dataSetWindow(Attributes dataSet) {
        Optional<Double> center = first(dataSet, Tag.WindowCenter);
        Optional<Double> width = first(dataSet, Tag.WindowWidth);
        if (center.isEmpty() || width.isEmpty()) {
            return Optional.empty();
        }
        String name = dataSet.getString(Tag.VOILUTFunction);
        try {
            VoiWindow.Function function = name == null || name.isBlank() ? VoiWindow.Function.LINEAR
                    : VoiWindow.Function.named(name);
            return Optional.of(new VoiWindow(center.get(), width.get(), function));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an unusable window in the data set: the frame's range is shown instead
        }
    }

    /** A linear window over the frame's modality values, lowest black, highest white. */
    private static VoiWindow range(int[] samples, double slope, double intercept) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int sample : samples) {
            min = Math.min(min, sample);
            max = Math.max(max, sample);
        }
        double low = Math.min(min * slope + intercept, max * slope + intercept);
        double high = Math.max(min * slope + intercept, max * slope + intercept);
        return new VoiWindow((low + high) / 2, Math.max(1, high - low), VoiWindow.Function.LINEAR_EXACT);
    }

    private static Optional<Double> first(Attributes dataSet, int tag) {
        double[] values = dataSet.getDoubles(tag);
        return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    }

    private static BufferedImage color(Frame frame) {
        BufferedImage out = new BufferedImage(frame.columns(), frame.rows(), BufferedImage.TYPE_3BYTE_BGR);
        out.getRaster().setPixels(0, 0, frame.columns(), frame.rows(), frame.samples());
        return out;
    }

    private static BufferedImage scaled(BufferedImage image, Viewport viewport) throws UnrenderableImageException {
        BufferedImage source = image;
        Viewport.Region region = viewport.region();
        if (region != null) {
            if (region.x() + region.width() > image.getWidth() || region.y() + region.height() > image.getHeight()) {
                throw new UnrenderableImageException("the viewport's region " + region.x() + "," + region.y() + ","
                        + region.width() + "," + region.height() + " lies outside the frame of " + image.getWidth()
                        + " × " + image.getHeight());
            }
            source = image.getSubimage(region.x(), region.y(), region.width(), region.height());
        }
        double scale = Math.min((double) viewport.width() / source.getWidth(), (double) viewport.height() / source.getHeight());
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage out = new BufferedImage(width, height, image.getType());
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return out;
    }
}
