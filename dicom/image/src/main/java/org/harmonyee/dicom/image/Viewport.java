package org.harmonyee.dicom.image;

/**
 * PS3.18 8.3.5.1.3 {@code viewport=vw,vh[,sx,sy,sw,sh]}: the image (or its region from
 * {@code sx,sy} of {@code sw × sh} pixels) scaled to the largest size that fits {@code vw × vh},
 * its aspect ratio kept.
 *
 * @param width  vw, at least 1
 * @param height vh, at least 1
 * @param region the source region, or null for the whole image
 */
public record Viewport(int width, int height, Region region) {

    /** A source region, in pixels of the frame. */
    public record Region(int x, int y, int width, int height) {

        public Region {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("a source region needs sx and sy of at least 0 and sw and sh of at"
                        + " least 1 (flipping is not supported), got " + x + "," + y + "," + width + "," + height);
            }
        }
    }

    public Viewport {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a viewport needs vw and vh of at least 1, got " + width + "," + height);
        }
    }
}
