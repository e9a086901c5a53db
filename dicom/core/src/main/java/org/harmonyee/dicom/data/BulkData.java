package org.harmonyee.dicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value left where it is: {@code length} bytes at {@code offset} of {@code file}, in the
 * transfer syntax's byte order ({@code bigEndian}). Large values (pixel data) need not sit on the heap.
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {

    /** The value's bytes as a stream that reads from the file. */
    public InputStream open() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        InputStream whole = Channels.newInputStream(channel);
        return new InputStream() {
            private long remaining = length;

            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int b = whole.read();
                remaining--;
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = whole.read(buffer, off, (int) Math.min(len, remaining));
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                whole.close();
            }
        };
    }

    /**
     * The value's bytes in little endian, as values in memory are: swapped in units of the VR's
     * {@link VR#swapSize()} when the file is big endian.
     */
    public InputStream openLittleEndian(VR vr) throws IOException {
        InputStream in = open();
        return bigEndian && vr.needsByteSwap() ? new SwappingInputStream(in, vr.swapSize()) : in;
    }

    /** Reads the whole value (for values the caller knows to be small). */
    public byte[] bytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
