package org.harmonyee.dicom.image;

/**
 * One frame's samples, pixel-interleaved, row by row: for grayscale one stored value per pixel
 * (sign-extended from Bits Stored), for color R, G, B per pixel (0 to 255).
 *
 * @param columns         width
 * @param rows            height
 * @param samplesPerPixel 1 or 3
 * @param samples         {@code columns × rows × samplesPerPixel} values
 */
public record Frame(int columns, int rows, int samplesPerPixel, int[] samples) {

    public Frame {
        if (samples.length != columns * rows * samplesPerPixel) {
            throw new IllegalArgumentException("a frame of " + columns + " × " + rows + " × " + samplesPerPixel
                    + " samples, got " + samples.length);
        }
    }
}
