package org.harmonyee.services.dicomweb;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.envelope.Headers;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.BulkData;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Fragments;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The frames of one retrieved instance's Pixel Data: the instance spooled to a file (its pixel
 * data stays there, read frame by frame as the caller reads; nothing of it on the heap), each frame
 * of a native syntax the {@code Rows × Columns × Samples per Pixel × Bits Allocated / 8} bytes at
 * its place, each frame of an encapsulated syntax its fragment (one fragment per frame). The file
 * goes when {@link #close()} is called.
 */
final class PixelDataFrames implements AutoCloseable {

    /** The media type of a frame of this transfer syntax, as PS3.18 8.7.3.5 names it. */
    static String mediaType(String transferSyntaxUid) {
        return switch (transferSyntaxUid) {
            case UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian -> "application/octet-stream";
            case UID.JPEGBaseline8Bit, UID.JPEGExtended12Bit, UID.JPEGLossless, UID.JPEGLosslessSV1 -> "image/jpeg";
            default -> null;
        };
    }

    private final SpooledInstance spooled;
    private final String transferSyntaxUid;
    private final Object pixelData;
    private final int numberOfFrames;
    private final long frameLength;
    private final int bitsAllocated;

    private PixelDataFrames(SpooledInstance spooled, String transferSyntaxUid, Object pixelData, int numberOfFrames,
                            long frameLength, int bitsAllocated) {
        this.spooled = spooled;
        this.transferSyntaxUid = transferSyntaxUid;
        this.pixelData = pixelData;
        this.numberOfFrames = numberOfFrames;
        this.frameLength = frameLength;
        this.bitsAllocated = bitsAllocated;
    }

    /**
     * @param part  a C-GET result: one PS3.10 instance
     * @param spool the folder its file goes to
     * @throws GatewayException 404 for an instance without Pixel Data, 406 for a transfer syntax whose
     *         frames are not served (big endian, deflated, or a compression other than JPEG), 502 for
     *         an instance that cannot be read
     */
    static PixelDataFrames of(Result part, Path spool) {
        SpooledInstance spooled = SpooledInstance.of(part, spool);
        try {
            return read(spooled);
        } catch (IOException e) {
            spooled.close();
            throw new GatewayException(ProblemType.BACKEND_UNREACHABLE, "instance " + spooled.instance()
                    + " from the PACS cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            spooled.close();
            throw e;
        }
    }

    private static PixelDataFrames read(SpooledInstance spooled) throws IOException {
        String instance = spooled.instance();
        try (DicomInputStream in = DicomInputStream.open(spooled.file()).bulkDataThreshold(1024)) {
            TransferSyntax syntax = in.transferSyntax();
            Attributes dataSet = in.readDataset();
            DicomElement pixelData = dataSet.get(Tag.PixelData);
            if (pixelData == null || pixelData.value() == null) {
                throw new GatewayException(ProblemType.NOT_FOUND, "instance " + instance + " has no Pixel Data");
            }
            if (mediaType(syntax.uid()) == null) {
                throw new GatewayException(ProblemType.NOT_ACCEPTABLE, "instance " + instance + " is stored in "
                        + syntax.uid() + "; the gateway serves frames of native little endian and JPEG instances only");
            }
            int frames = Math.max(1, dataSet.getInt(Tag.NumberOfFrames, 1));
            long frameLength = (long) dataSet.getInt(Tag.Rows, 0) * dataSet.getInt(Tag.Columns, 0)
                    * dataSet.getInt(Tag.SamplesPerPixel, 1) * dataSet.getInt(Tag.BitsAllocated, 8) / 8;
            if (pixelData.value() instanceof Fragments fragments && fragments.size() - 1 != frames) {
                throw new GatewayException(ProblemType.NOT_ACCEPTABLE, "instance " + instance + " has "
                        + (fragments.size() - 1) + " fragments for " + frames + " frames; the gateway serves frames"
                        + " of one fragment each");
            }
            // native frames are the same little endian bytes in either VR encoding: PS3.18 names them Explicit VR Little Endian
            String frameSyntax = syntax.isNative() ? UID.ExplicitVRLittleEndian : syntax.uid();
            return new PixelDataFrames(spooled, frameSyntax, pixelData.value(), frames, frameLength,
                    dataSet.getInt(Tag.BitsAllocated, 8));
        }
    }

    /** The transfer syntax the frames are in: the instance's, Explicit VR Little Endian for a native one. */
    String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    /** Every frame number, 1 to Number of Frames. */
    List<Integer> all() {
        return IntStream.rangeClosed(1, numberOfFrames).boxed().toList();
    }

    /**
     * One frame as a multipart part, read from the spool file as the caller reads it.
     *
     * @throws GatewayException 404 for a frame number past Number of Frames
     */
    Result frame(int number) {
        return frame(number, transferSyntaxUid);
    }

    /**
     * One frame as {@link #frame(int)}, in {@code syntax}: the frames' own, or for native frames
     * Implicit VR Little Endian (the same bytes) or Explicit VR Big Endian (each 16-bit sample's
     * bytes swapped as the frame streams).
     */
    Result frame(int number, String syntax) {
        if (number > numberOfFrames) {
            throw new GatewayException(ProblemType.NOT_FOUND, "frame " + number + " asked of an instance of "
                    + numberOfFrames + " frames");
        }
        try {
            Body body = pixelData instanceof Fragments fragments ? fragment(fragments.items().get(number))
                    : slice(number);
            if (syntax.equals(UID.ExplicitVRBigEndian) && bitsAllocated == 16) {
                body = Body.stream(new SwappedShorts(body.open()), body.length());
            }
            return Result.part(new Headers().set("Content-Type",
                    mediaType(transferSyntaxUid) + "; transfer-syntax=" + syntax), body);
        } catch (IOException e) {
            throw new GatewayException(ProblemType.INTERNAL, "frame " + number + " of the spooled instance cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private Body slice(int number) throws IOException {
        if (pixelData instanceof BulkData bulk) {
            return Body.stream(new BulkData(bulk.file(), bulk.offset() + (number - 1) * frameLength, frameLength,
                    bulk.bigEndian()).open(), frameLength);
        }
        byte[] bytes = (byte[]) pixelData;
        return Body.of(Arrays.copyOfRange(bytes, (int) ((number - 1) * frameLength), (int) (number * frameLength)));
    }

    private static Body fragment(Object item) throws IOException {
        return item instanceof BulkData bulk ? Body.stream(bulk.open(), bulk.length())
                : Body.stream(new ByteArrayInputStream((byte[]) item), ((byte[]) item).length);
    }

    @Override
    public void close() {
        spooled.close();
    }
}
