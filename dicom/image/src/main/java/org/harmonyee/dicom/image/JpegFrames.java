package org.harmonyee.dicom.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Decodes one JPEG frame (baseline, extended, lossless) with TwelveMonkeys' reader, built here
 * rather than looked up in ImageIO's registry: that registry is filled from the class path of
 * whichever application first used ImageIO in the JVM, which on an application server need not be
 * this one. The reader converts YCbCr to RGB; the raster's bands are then R, G, B.
 */
final class JpegFrames {

    private static final ImageReaderSpi READERS = readers();

    private JpegFrames() {
    }

    private static ImageReaderSpi readers() {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, spi -> spi.getClass().getName()
                .equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi"), false)
                .forEachRemaining(registry::registerServiceProvider);
        JPEGImageReaderSpi twelveMonkeys = new JPEGImageReaderSpi();
        registry.registerServiceProvider(twelveMonkeys);
        return twelveMonkeys;
    }

    /** The decoded samples of one JPEG stream. */
    static Raster decode(byte[] jpeg) throws UnrenderableImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            ImageReader reader = READERS.createReaderInstance(null);
            try {
                reader.setInput(in);
                return reader.read(0).getRaster();
            } finally {
                reader.dispose();
            }
        } catch (IIOException e) {
            throw new UnrenderableImageException("the JPEG frame cannot be decoded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnrenderableImageException("the JPEG frame cannot be read: " + e.getMessage(), e);
        }
    }
}
