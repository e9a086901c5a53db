package org.harmonyee.services.jmix.format;

/**
 * What an uploaded zip may expand to, counted as its entries are read (the sizes a zip states are
 * not trusted).
 *
 * @param maxEntries    entries in the archive
 * @param maxEntryBytes uncompressed bytes of one entry
 * @param maxTotalBytes uncompressed bytes of all entries
 * @param maxRatio      uncompressed to compressed size of an entry larger than {@link #RATIO_FLOOR}
 */
public record UploadLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {

    /** Entries up to this size are not held to the ratio: small JSON files compress well by nature. */
    public static final long RATIO_FLOOR = 1L << 20;

    /** A JSON file of the package is read into memory: at most this large. */
    public static final int MAX_JSON_BYTES = 16 << 20;

    public static final UploadLimits DEFAULTS = new UploadLimits(100_000, 2L << 30, 8L << 30, 200);

    public UploadLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
    }
}
