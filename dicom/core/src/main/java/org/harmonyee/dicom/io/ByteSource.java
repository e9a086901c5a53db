package org.harmonyee.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The bytes under a reader: counts its position, reads fixed-size integers in either byte order,
 * and can give back a header it peeked at.
 */
final class ByteSource {

    private PushbackInputStream in;
    private long position;
    private final byte[] scratch = new byte[8];

    ByteSource(InputStream in) {
        this.in = new PushbackInputStream(in, 256);
    }

    long position() {
        return position;
    }

    /**
     * Inflates the rest (Deflated Explicit VR Little Endian), keeping the position count, which
     * then counts inflated bytes; corrupt deflate data is a {@link DicomStreamException}.
     */
    void inflate() {
        InputStream deflated = in;
        this.in = new PushbackInputStream(new InflaterInputStream(deflated, new Inflater(true), 64 * 1024) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (ZipException e) {
                    throw new DicomStreamException(position, null, "corrupt deflated data: " + e.getMessage(), e);
                }
            }
        }, 256);
    }

    InputStream raw() {
        return in;
    }

    void readFully(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, offset + done, length - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
            position += n;
        }
    }

    /** Reads up to {@code length} bytes; fewer only at the end of the stream. */
    int readUpTo(byte[] buffer, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, done, length - done);
            if (n < 0) {
                break;
            }
            done += n;
            position += n;
        }
        return done;
    }

    void unread(byte[] buffer, int length) throws IOException {
        in.unread(buffer, 0, length);
        position -= length;
    }

    int readUnsignedShort(boolean bigEndian) throws IOException {
        readFully(scratch, 0, 2);
        return bigEndian ? ((scratch[0] & 0xFF) << 8) | (scratch[1] & 0xFF)
                : ((scratch[1] & 0xFF) << 8) | (scratch[0] & 0xFF);
    }

    long readUnsignedInt(boolean bigEndian) throws IOException {
        readFully(scratch, 0, 4);
        long value = bigEndian
                ? ((scratch[0] & 0xFFL) << 24) | ((scratch[1] & 0xFFL) << 16) | ((scratch[2] & 0xFFL) << 8) | (scratch[3] & 0xFFL)
                : ((scratch[3] & 0xFFL) << 24) | ((scratch[2] & 0xFFL) << 16) | ((scratch[1] & 0xFFL) << 8) | (scratch[0] & 0xFFL);
        return value;
    }

    void skip(long length) throws IOException {
        long remaining = length;
        byte[] buffer = new byte[8192];
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new EOFException();
            }
            remaining -= n;
            position += n;
        }
    }
}
