package org.harmonyee.services.jmix.format;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One entry of an uploaded zip as it inflates, counted against the {@link UploadLimits}: its own
 * size, the archive's running total and its expansion ratio. Stops at the first byte over a limit,
 * so a zip bomb costs at most the limits, never the disk or the heap.
 */
final class LimitedEntryStream extends FilterInputStream {

    /** A limit reached; the message names the entry and the limit. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    /** The archive's running total, shared by its entries. */
    static final class Budget {
        private final UploadLimits limits;
        private long total;

        Budget(UploadLimits limits) {
            this.limits = limits;
        }
    }

    private final ZipArchiveEntry entry;
    private final Budget budget;
    private long count;

    LimitedEntryStream(InputStream in, ZipArchiveEntry entry, Budget budget) {
        super(in);
        this.entry = entry;
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
    }

    private void counted(int n) throws LimitExceeded {
        count += n;
        budget.total += n;
        UploadLimits limits = budget.limits;
        if (count > limits.maxEntryBytes()) {
            throw new LimitExceeded("entry '" + entry.getName() + "' expands beyond " + limits.maxEntryBytes() + " bytes");
        }
        if (budget.total > limits.maxTotalBytes()) {
            throw new LimitExceeded("the zip expands beyond " + limits.maxTotalBytes() + " bytes");
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        if (count > UploadLimits.RATIO_FLOOR && count / compressed > limits.maxRatio()) {
            throw new LimitExceeded("entry '" + entry.getName() + "' expands more than " + limits.maxRatio()
                    + " times its compressed size (zip bomb)");
        }
    }
}
