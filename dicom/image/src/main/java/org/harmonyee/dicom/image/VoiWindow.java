package org.harmonyee.dicom.image;

import java.util.Locale;

/**
 * A VOI window (PS3.3 C.11.2.1.2): center and width in modality values and the VOI LUT Function
 * that maps them to display values.
 *
 * @param center   Window Center
 * @param width    Window Width (at least 1 for LINEAR, above 0 otherwise)
 * @param function how values inside the window are mapped
 */
public record VoiWindow(double center, double width, Function function) {

    /** VOI LUT Function (0028,1056). */
    public enum Function {
        LINEAR, LINEAR_EXACT, SIGMOID;

        /**
         * The function a defined term names, in any case; PS3.18's {@code linear-exact} too.
         *
         * @throws IllegalArgumentException for another name
         */
        public static Function named(String name) {
            return Function.valueOf(name.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        }
    }

    public VoiWindow {
        if (!(function == Function.LINEAR ? width >= 1 : width > 0) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("a " + function + " window needs a width of at least "
                    + (function == Function.LINEAR ? "1" : "more than 0") + " and a finite center, got center "
                    + center + ", width " + width);
        }
    }

    /** The display value, 0 to 255, of a modality value (PS3.3 C.11.2.1.2.1 to .3, with 8-bit output). */
    int display(double value) {
        double y = switch (function) {
            case LINEAR -> {
                double low = center - 0.5 - (width - 1) / 2;
                double high = center - 0.5 + (width - 1) / 2;
                yield value <= low ? 0 : value > high ? 1 : width == 1 ? 1 : (value - (center - 0.5)) / (width - 1) + 0.5;
            }
            case LINEAR_EXACT -> value <= center - width / 2 ? 0 : value > center + width / 2 ? 1
                    : (value - center) / width + 0.5;
            case SIGMOID -> 1 / (1 + Math.exp(-4 * (value - center) / width));
        };
        return (int) Math.round(Math.min(1, Math.max(0, y)) * 255);
    }
}
