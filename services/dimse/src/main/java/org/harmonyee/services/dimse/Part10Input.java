package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.FileMetaInformation;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;

/**
 * A body holding one instance as a PS3.10 stream (a C-STORE request, a C-GET result): its File Meta
 * Information is read (by the toolkit's one PS3.10 header reader) and the stream is left where the
 * data set starts, so that the data set can be sent on byte for byte without being parsed or held.
 * {@link #body} writes one.
 *
 * @param sopClassUid       Media Storage SOP Class UID (0002,0002)
 * @param sopInstanceUid    Media Storage SOP Instance UID (0002,0003)
 * @param transferSyntaxUid Transfer Syntax UID (0002,0010), the data set's encoding
 * @param dataSet           the data set, from its first byte; the caller closes it
 */
public record Part10Input(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataSet)
        implements Closeable {

    /** The most a File Meta Information may take: far beyond any real one (its UIDs are 64 bytes). */
    private static final int MAX_HEADER = 256 * 1024;

    /**
     * @throws GatewayException 415 when the body is not a PS3.10 instance, 400 when its header lacks
     *         the SOP class, SOP instance or transfer syntax
     */
    public static Part10Input read(Body body) {
        InputStream raw = body.open();
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        try {
            in.mark(MAX_HEADER);
            FileMetaInformation meta = new DicomInputStream(new Unclosed(in)).fileMetaInformation();
            if (meta == null) {
                throw new IOException("no File Meta Information");
            }
            if (meta.mediaStorageSopClassUid() == null || meta.mediaStorageSopInstanceUid() == null
                    || meta.transferSyntaxUid() == null) {
                closeQuietly(in);
                throw new GatewayException(ProblemType.MALFORMED_REQUEST, "the instance's File Meta Information lacks"
                        + " its Media Storage SOP Class UID, SOP Instance UID or Transfer Syntax UID");
            }
            in.reset();
            in.skipNBytes(meta.dataSetOffset());
            return new Part10Input(meta.mediaStorageSopClassUid().strip(), meta.mediaStorageSopInstanceUid().strip(),
                    meta.transferSyntaxUid().strip(), in);
        } catch (IOException e) {
            closeQuietly(in);
            throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body is not a PS3.10 DICOM instance ("
                    + DimseRequests.APPLICATION_DICOM + "): " + e.getMessage(), e);
        }
    }

    /**
     * A body of Content-Type {@value DimseRequests#APPLICATION_DICOM}: File Meta Information for the
     * instance, then {@code dataSet} (no File Meta Information of its own, encoded in
     * {@code transferSyntaxUid}) as it is read; nothing is held.
     */
    public static Body body(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataSet) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(512);
        try {
            FileMetaInformation.of(sopClassUid, sopInstanceUid, transferSyntaxUid).write(header);
        } catch (IOException e) {
            throw new UncheckedIOException("writing File Meta Information to memory", e);
        }
        return Body.stream(new SequenceInputStream(new ByteArrayInputStream(header.toByteArray()), dataSet), -1);
    }

    @Override
    public void close() throws IOException {
        dataSet.close();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the body is abandoned; nothing was sent
        }
    }

    /** Lets the header reader read without closing the stream under it. */
    private static final class Unclosed extends FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the data set is read from the same stream afterwards
        }
    }
}
