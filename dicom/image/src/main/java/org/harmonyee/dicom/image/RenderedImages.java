package org.harmonyee.dicom.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/** A rendered frame written as {@code image/jpeg} (with a quality) or {@code image/png}. */
public final class RenderedImages {

    public static final String IMAGE_JPEG = "image/jpeg";
    public static final String IMAGE_PNG = "image/png";

    private RenderedImages() {
    }

    /**
     * @param mediaType {@link #IMAGE_JPEG} or {@link #IMAGE_PNG}
     * @param quality   JPEG quality, 1 to 100 (PS3.18 {@code quality}); not used for PNG
     */
    public static void write(BufferedImage image, String mediaType, int quality, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(mediaType);
        if (!writers.hasNext()) {
            throw new IllegalArgumentException("no image writer for " + mediaType);
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (mediaType.equals(IMAGE_JPEG)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(Math.max(1, Math.min(100, quality)) / 100f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
