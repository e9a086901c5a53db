package org.harmonyee.dicom.io;

import org.harmonyee.dicom.data.TagUtils;

/**
 * What one read may hold in memory and how deep its sequences may nest, so that hostile input
 * (a 4 GB declared length, a deflate bomb, endless nested items) ends in a
 * {@link DicomStreamException} rather than an OutOfMemoryError or a StackOverflowError. Values
 * and elements are charged before anything is allocated for them.
 */
final class ReadBudget {

    /** What an element or item costs on the heap beyond its value bytes (objects, map entry). */
    static final int ELEMENT_OVERHEAD = 64;

    private final long memoryLimit;
    private final int maxDepth;
    private long held;
    private int depth;

    ReadBudget(long memoryLimit, int maxDepth) {
        this.memoryLimit = memoryLimit;
        this.maxDepth = maxDepth;
    }

    /** Charges {@code bytes} more held in memory, or refuses them. */
    void charge(long bytes, long offset, int tag) throws DicomStreamException {
        if (bytes > memoryLimit - held) {
            throw new DicomStreamException(offset, TagUtils.toString(tag), "holding " + bytes + " more bytes would pass "
                    + "the reader's memory limit of " + memoryLimit + " bytes (" + held + " held); raise memoryLimit, "
                    + "or read large values as bulk data");
        }
        held += bytes;
    }

    /** Enters a sequence or an encapsulated value; {@link #leave()} when done. */
    void enter(long offset, int tag) throws DicomStreamException {
        if (++depth > maxDepth) {
            throw new DicomStreamException(offset, TagUtils.toString(tag), "sequences nest deeper than the reader's "
                    + "limit of " + maxDepth + " levels");
        }
    }

    void leave() {
        depth--;
    }
}
