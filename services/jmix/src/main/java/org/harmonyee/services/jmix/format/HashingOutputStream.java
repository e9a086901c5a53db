package org.harmonyee.services.jmix.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Bytes on their way into a zip entry, fed to the entry's own digest and the package's running
 * payload digest (either null when hashing is skipped) and counted. Closing it leaves the zip open.
 */
final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest file;
    private final MessageDigest payload;
    private long count;

    HashingOutputStream(OutputStream entry, MessageDigest file, MessageDigest payload) {
        super(entry);
        this.file = file;
        this.payload = payload;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (file != null) {
            file.update(bytes, offset, length);
        }
        if (payload != null) {
            payload.update(bytes, offset, length);
        }
        out.write(bytes, offset, length);
        count += length;
    }

    long count() {
        return count;
    }

    @Override
    public void close() {
        // the zip entry is closed by the writer, which goes on with the next one
    }
}
