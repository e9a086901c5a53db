package org.harmonyee.services.dimse;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.FileMetaInformation;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body holding one instance as a PS3.10 stream: its File Meta Information is read (by the
 * toolkit's one PS3.10 header reader) and the stream is left where the data set starts, so that the
 * data set can be sent on byte for byte without being parsed or held.
 *
 * @param meta    the instance's SOP class, SOP instance and transfer syntax
 * @param dataSet the data set, from its first byte; the caller closes it
 */
record Part10Input(FileMetaInformation meta, InputStream dataSet) {

    /** The most a File Meta Information may take: far beyond any real one (its UIDs are 64 bytes). */
    private static final int MAX_HEADER = 256 * 1024;

    /**
     * @throws GatewayException 415 when the body is not a PS3.10 instance, 400 when its header lacks
     *         the SOP class, SOP instance or transfer syntax
     */
    static Part10Input read(Body body) {
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
            return new Part10Input(meta, in);
        } catch (IOException e) {
            closeQuietly(in);
            throw new GatewayException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body is not a PS3.10 DICOM instance ("
                    + DimseRequests.APPLICATION_DICOM + "): " + e.getMessage(), e);
        }
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
