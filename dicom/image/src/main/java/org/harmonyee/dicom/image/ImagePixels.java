package org.harmonyee.dicom.image;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;

import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An image instance's Image Pixel module (PS3.3 C.7.6.3) and its frames, read from a PS3.10 file.
 * The Pixel Data stays in the file (read frame by frame); the file must outlive this object.
 * Native little endian frames are read as stored; JPEG frames (baseline, extended, lossless) are
 * decoded ({@link JpegFrames}). Grayscale is MONOCHROME1 or MONOCHROME2 of 8 or 16 bits allocated,
 * signed or not; color is RGB or YBR_FULL of 8 bits (native), or what the JPEG decoder makes RGB.
 */
public final class ImagePixels {

    private static final Set<String> JPEG = Set.of(UID.JPEGBaseline8Bit, UID.JPEGExtended12Bit, UID.JPEGLossless,
            UID.JPEGLosslessSV1);

    private final Attributes dataSet;
    private final String transferSyntaxUid;
    private final Object pixelData;
    private final int columns;
    private final int rows;
    private final int samplesPerPixel;
    private final int bitsAllocated;
    private final int bitsStored;
    private final boolean signed;
    private final String photometricInterpretation;
    private final int numberOfFrames;

    private ImagePixels(Attributes dataSet, String transferSyntaxUid, Object pixelData) {
        this.dataSet = dataSet;
        this.transferSyntaxUid = transferSyntaxUid;
        this.pixelData = pixelData;
        this.columns = dataSet.getInt(Tag.Columns, 0);
        this.rows = dataSet.getInt(Tag.Rows, 0);
        this.samplesPerPixel = dataSet.getInt(Tag.SamplesPerPixel, 1);
        this.bitsAllocated = dataSet.getInt(Tag.BitsAllocated, 0);
        this.bitsStored = dataSet.getInt(Tag.BitsStored, bitsAllocated);
        this.signed = dataSet.getInt(Tag.PixelRepresentation, 0) == 1;
        String photometric = dataSet.getString(Tag.PhotometricInterpretation);
        this.photometricInterpretation = photometric == null ? "" : photometric.strip();
        this.numberOfFrames = Math.max(1, dataSet.getInt(Tag.NumberOfFrames, 1));
    }

    /**
     * The image of a PS3.10 file.
     *
     * @throws UnrenderableImageException no Pixel Data, a transfer syntax or pixel layout not rendered here
     * @throws IOException                the file cannot be read
     */
    public static ImagePixels read(Path file) throws IOException, UnrenderableImageException {
        try (DicomInputStream in = DicomInputStream.open(file).bulkDataThreshold(1024)) {
            TransferSyntax syntax = in.transferSyntax();
            Attributes dataSet = in.readDataset();
            DicomElement pixelData = dataSet.get(Tag.PixelData);
            if (pixelData == null || pixelData.value() == null) {
                throw new UnrenderableImageException("the instance has no Pixel Data");
            }
            boolean nativeLittleEndian = syntax.isNative() && !syntax.bigEndian() && !syntax.deflated();
            if (!nativeLittleEndian && !JPEG.contains(syntax.uid())) {
                throw new UnrenderableImageException("the instance is stored in " + syntax.uid() + ", which has no"
                        + " decoder here (native little endian and JPEG baseline, extended and lossless are rendered)");
            }
            ImagePixels image = new ImagePixels(dataSet, syntax.uid(), pixelData.value());
            image.checkLayout();
            return image;
        }
    }

    private void checkLayout() throws UnrenderableImageException {
        boolean gray = samplesPerPixel == 1 && (photometricInterpretation.equals("MONOCHROME1")
                || photometricInterpretation.equals("MONOCHROME2"));
        boolean color = samplesPerPixel == 3 && (JPEG.contains(transferSyntaxUid) || bitsAllocated == 8
                && (photometricInterpretation.equals("RGB") || photometricInterpretation.equals("YBR_FULL")));
        if (transferSyntaxUid.equals(UID.JPEGExtended12Bit) && bitsStored > 8) {
            throw new UnrenderableImageException("JPEG of " + bitsStored + " bits (extended, 12-bit) is not rendered"
                    + " here: its decoder takes 8-bit precision only");
        }
        if (!gray && !color || rows < 1 || columns < 1 || bitsAllocated != 8 && bitsAllocated != 16
                || bitsStored < 1 || bitsStored > bitsAllocated) {
            throw new UnrenderableImageException("pixels of " + samplesPerPixel + " samples, "
                    + (photometricInterpretation.isEmpty() ? "no photometric interpretation" : photometricInterpretation)
                    + ", " + bitsAllocated + " bits allocated, " + bitsStored + " stored, " + columns + " × " + rows
                    + " are not rendered here");
        }
    }

    /** The data set read up to and with the Pixel Data (as a reference into the file). */
    public Attributes dataSet() {
        return dataSet;
    }

    public boolean isGrayscale() {
        return samplesPerPixel == 1;
    }

    /** Whether the lowest value is white (MONOCHROME1). */
    public boolean isInverse() {
        return photometricInterpretation.equals("MONOCHROME1");
    }

    public int numberOfFrames() {
        return numberOfFrames;
    }

    /**
     * One frame's samples.
     *
     * @param number from 1 to {@link #numberOfFrames()}
     * @throws UnrenderableImageException the frame's JPEG data cannot be decoded, or the fragments are not one per frame
     * @throws IOException                the file cannot be read
     */
    public Frame frame(int number) throws IOException, UnrenderableImageException {
        if (number < 1 || number > numberOfFrames) {
            throw new IllegalArgumentException("frame " + number + " of " + numberOfFrames);
        }
        if (pixelData instanceof Fragments fragments) {
            return decoded(JpegFrames.decode(fragment(fragments.items(), number)));
        }
        long frameLength = (long) columns * rows * samplesPerPixel * bitsAllocated / 8;
        byte[] bytes;
        if (pixelData instanceof BulkData bulk) {
            if (bulk.length() < number * frameLength) {
                throw new UnrenderableImageException("the Pixel Data holds " + bulk.length() + " bytes, less than "
                        + numberOfFrames + " frames of " + frameLength);
            }
            bytes = new BulkData(bulk.file(), bulk.offset() + (number - 1) * frameLength, frameLength, false).bytes();
        } else {
            byte[] all = (byte[]) pixelData;
            if (all.length < number * frameLength) {
                throw new UnrenderableImageException("the Pixel Data holds " + all.length + " bytes, less than "
                        + numberOfFrames + " frames of " + frameLength);
            }
            bytes = Arrays.copyOfRange(all, (int) ((number - 1) * frameLength), (int) (number * frameLength));
        }
        return isGrayscale() ? nativeGray(bytes) : nativeColor(bytes);
    }

    /** The JPEG stream of a frame: its fragment, or every fragment of a single-frame image. */
    private byte[] fragment(List<Object> items, int number) throws IOException, UnrenderableImageException {
        int fragments = items.size() - 1;
        if (fragments != numberOfFrames && numberOfFrames != 1) {
            throw new UnrenderableImageException(fragments + " fragments for " + numberOfFrames
                    + " frames; frames of one fragment each are rendered");
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        for (Object item : numberOfFrames == 1 ? items.subList(1, items.size()) : List.of(items.get(number))) {
            if (item instanceof BulkData bulk) {
                try (InputStream in = bulk.open()) {
                    in.transferTo(jpeg);
                }
            } else {
                jpeg.writeBytes((byte[]) item);
            }
        }
        return jpeg.toByteArray();
    }

    private Frame nativeGray(byte[] bytes) {
        int[] samples = new int[columns * rows];
        for (int i = 0; i < samples.length; i++) {
            int raw = bitsAllocated == 8 ? bytes[i] & 0xFF : (bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8;
            samples[i] = stored(raw);
        }
        return new Frame(columns, rows, 1, samples);
    }

    /** A raw value masked to Bits Stored, sign-extended when Pixel Representation is 1. */
    private int stored(int raw) {
        int value = raw & ((1 << bitsStored) - 1);
        return signed && (value & (1 << (bitsStored - 1))) != 0 ? value - (1 << bitsStored) : value;
    }

    private Frame nativeColor(byte[] bytes) {
        int pixels = columns * rows;
        boolean planar = dataSet.getInt(Tag.PlanarConfiguration, 0) == 1;
        boolean ybr = photometricInterpretation.equals("YBR_FULL");
        int[] samples = new int[pixels * 3];
        for (int p = 0; p < pixels; p++) {
            int a = bytes[planar ? p : 3 * p] & 0xFF;
            int b = bytes[planar ? pixels + p : 3 * p + 1] & 0xFF;
            int c = bytes[planar ? 2 * pixels + p : 3 * p + 2] & 0xFF;
            if (ybr) { // PS3.3 C.7.6.3.1.2, YBR_FULL to RGB
                samples[3 * p] = clamp(a + 1.402 * (c - 128));
                samples[3 * p + 1] = clamp(a - 0.344136 * (b - 128) - 0.714136 * (c - 128));
                samples[3 * p + 2] = clamp(a + 1.772 * (b - 128));
            } else {
                samples[3 * p] = a;
                samples[3 * p + 1] = b;
                samples[3 * p + 2] = c;
            }
        }
        return new Frame(columns, rows, 3, samples);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private Frame decoded(Raster raster) throws UnrenderableImageException {
        int bands = raster.getNumBands();
        if (raster.getWidth() != columns || raster.getHeight() != rows || bands != samplesPerPixel) {
            throw new UnrenderableImageException("the JPEG frame is " + raster.getWidth() + " × " + raster.getHeight()
                    + " × " + bands + " samples, the data set says " + columns + " × " + rows + " × " + samplesPerPixel);
        }
        int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), columns, rows, (int[]) null);
        if (bands == 1) {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = stored(samples[i]);
            }
        }
        return new Frame(columns, rows, bands, samples);
    }
}
