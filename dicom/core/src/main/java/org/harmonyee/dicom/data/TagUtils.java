package org.harmonyee.dicom.data;

/** Formatting and arithmetic of tags as ints (group in the high 16 bits). */
public final class TagUtils {

    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private TagUtils() {
    }

    /** {@code (0010,0010)} */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** {@code 00100010}, as DICOM JSON and AT values in JSON write tags. */
    public static String toHex(int tag) {
        return String.format("%08X", tag);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1;
    }

    public static boolean isGroupLength(int tag) {
        return (tag & 0xFFFF) == 0;
    }

    /** The private creator element (gggg,00xx) that reserves the block of a private tag (gggg,xxyy). */
    public static int creatorOf(int privateTag) {
        return (privateTag & 0xFFFF0000) | ((privateTag >>> 8) & 0xFF);
    }
}
