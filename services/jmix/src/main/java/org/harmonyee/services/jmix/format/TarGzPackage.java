package org.harmonyee.services.jmix.format;

import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Enumeration;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A stored package as a tar.gz: the zip's entries, in the zip's order and under the same names,
 * written as a gzip-compressed tar ({@link TarFormat}) while the caller reads. Nothing is written
 * ahead: each read inflates the next 64 KiB of the current entry (or starts the next entry) into
 * the tar and gzip, and hands out what that made, so memory holds one chunk and its compressed
 * bytes, whatever the package's size. Compressed at gzip's fastest level, as the zip's DICOM
 * entries are: pixel data barely compresses.
 */
public final class TarGzPackage extends InputStream {

    private static final int CHUNK = 64 * 1024;

    private final ZipFile zip;
    private final Enumeration<? extends ZipEntry> entries;
    private final Output output = new Output();
    private final TarArchiveOutputStream tar;
    private final byte[] chunk = new byte[CHUNK];
    private InputStream current;
    private boolean ended;

    private TarGzPackage(ZipFile zip) throws IOException {
        this.zip = zip;
        this.entries = zip.entries();
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(Deflater.BEST_SPEED);
        this.tar = TarFormat.writer(new GzipCompressorOutputStream(output, parameters));
    }

    /**
     * @throws IOException when the package's zip cannot be opened
     */
    public static InputStream open(Path packageZip) throws IOException {
        ZipFile zip = new ZipFile(packageZip.toFile());
        try {
            return new TarGzPackage(zip);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (output.unread() == 0) {
            if (!writeMore()) {
                return -1;
            }
        }
        return output.take(buffer, offset, length);
    }

    /** Writes the next step into the tar: false when everything is written. */
    private boolean writeMore() throws IOException {
        if (current != null) {
            int n = current.read(chunk);
            if (n >= 0) {
                tar.write(chunk, 0, n);
            } else {
                current.close();
                current = null;
                tar.closeArchiveEntry();
            }
            return true;
        }
        if (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Instant modified = entry.getLastModifiedTime() == null ? Instant.EPOCH : entry.getLastModifiedTime().toInstant();
            tar.putArchiveEntry(TarFormat.entry(entry.getName(), entry.getSize(), modified));
            if (entry.isDirectory()) {
                tar.closeArchiveEntry();
            } else {
                current = zip.getInputStream(entry);
            }
            return true;
        }
        if (!ended) {
            ended = true;
            tar.close();
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try (zip) {
            if (current != null) {
                current.close();
            }
        }
    }

    /** What the gzip wrote and the reader has not taken yet; emptied before anything more is written. */
    private static final class Output extends ByteArrayOutputStream {
        private int taken;

        int unread() {
            return count - taken;
        }

        int take(byte[] buffer, int offset, int length) {
            int n = Math.min(length, unread());
            System.arraycopy(buf, taken, buffer, offset, n);
            taken += n;
            if (taken == count) {
                reset();
                taken = 0;
            }
            return n;
        }
    }
}
