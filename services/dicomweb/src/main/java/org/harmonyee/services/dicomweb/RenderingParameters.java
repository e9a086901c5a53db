package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.RequestEnvelope;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.image.Viewport;
import org.harmonyee.dicom.image.VoiWindow;

import java.util.List;
import java.util.Optional;

/**
 * The query parameters of a rendered resource (PS3.18 8.3.5.1): {@code window=center,width,function}
 * (function {@code linear}, {@code linear-exact} or {@code sigmoid}), {@code viewport=vw,vh} or
 * {@code vw,vh,sx,sy,sw,sh}, {@code quality} (1-100, JPEG only). A thumbnail without a viewport fits
 * {@value #THUMBNAIL_SIZE} × {@value #THUMBNAIL_SIZE}.
 *
 * @param window   the window asked, or empty for the data set's
 * @param viewport the viewport, or null for the frame's size
 * @param quality  the JPEG quality
 */
record RenderingParameters(Optional<VoiWindow> window, Viewport viewport, int quality) {

    static final int THUMBNAIL_SIZE = 128;
    static final int DEFAULT_QUALITY = 90;

    /** @throws GatewayException 400 for a malformed or repeated parameter */
    static RenderingParameters of(RequestEnvelope request, boolean thumbnail) {
        Optional<VoiWindow> window = single(request, "window").map(RenderingParameters::window);
        Viewport viewport = single(request, "viewport").map(RenderingParameters::viewport)
                .orElse(thumbnail ? new Viewport(THUMBNAIL_SIZE, THUMBNAIL_SIZE, null) : null);
        int quality = single(request, "quality").map(q -> numbers("quality", q, 1)[0]).orElse(DEFAULT_QUALITY);
        if (quality < 1 || quality > 100) {
            throw malformed("quality", String.valueOf(quality), "an integer from 1 to 100");
        }
        return new RenderingParameters(window, viewport, quality);
    }

    private static Optional<String> single(RequestEnvelope request, String name) {
        List<String> values = request.query().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, name + ": given " + values.size()
                    + " times, expected once");
        }
        return Optional.of(values.get(0));
    }

    private static VoiWindow window(String value) {
        String[] parts = value.split(",", -1);
        String expected = "center,width,function (function linear, linear-exact or sigmoid)";
        if (parts.length != 3) {
            throw malformed("window", value, expected);
        }
        try {
            return new VoiWindow(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    VoiWindow.Function.named(parts[2]));
        } catch (IllegalArgumentException e) {
            throw malformed("window", value, expected + "; " + e.getMessage());
        }
    }

    private static Viewport viewport(String value) {
        String expected = "vw,vh or vw,vh,sx,sy,sw,sh";
        int count = value.split(",", -1).length;
        if (count != 2 && count != 6) {
            throw malformed("viewport", value, expected);
        }
        int[] n = numbers("viewport", value, count);
        try {
            return new Viewport(n[0], n[1], count == 6 ? new Viewport.Region(n[2], n[3], n[4], n[5]) : null);
        } catch (IllegalArgumentException e) {
            throw malformed("viewport", value, expected + "; " + e.getMessage());
        }
    }

    private static int[] numbers(String name, String value, int count) {
        String[] parts = value.split(",", -1);
        int[] numbers = new int[count];
        for (int i = 0; i < count; i++) {
            if (parts.length != count || !parts[i].strip().matches("-?[0-9]{1,9}")) {
                throw malformed(name, value, count == 1 ? "an integer" : count + " integers separated by commas");
            }
            numbers[i] = Integer.parseInt(parts[i].strip());
        }
        return numbers;
    }

    private static GatewayException malformed(String name, String value, String expected) {
        return new GatewayException(ProblemType.MALFORMED_REQUEST, name + ": expected " + expected + ", got '"
                + value + "'");
    }
}
