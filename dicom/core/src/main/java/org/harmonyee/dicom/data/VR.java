package org.harmonyee.dicom.data;

/**
 * The value representations of PS3.5 table 6.2-1, with what encoding needs: the padding byte, the
 * size of one binary value (0 for strings and bytes), whether the explicit-VR header has a 4-byte
 * length, and whether the value is text.
 */
public enum VR {
    AE(' ', 0, false, true), AS(' ', 0, false, true), AT(0, 4, false, false), CS(' ', 0, false, true),
    DA(' ', 0, false, true), DS(' ', 0, false, true), DT(' ', 0, false, true), FD(0, 8, false, false),
    FL(0, 4, false, false), IS(' ', 0, false, true), LO(' ', 0, false, true), LT(' ', 0, false, true),
    OB(0, 1, true, false), OD(0, 8, true, false), OF(0, 4, true, false), OL(0, 4, true, false),
    OV(0, 8, true, false), OW(0, 2, true, false), PN(' ', 0, false, true), SH(' ', 0, false, true),
    SL(0, 4, false, false), SQ(0, 0, true, false), SS(0, 2, false, false), ST(' ', 0, false, true),
    SV(0, 8, true, false), TM(' ', 0, false, true), UC(' ', 0, true, true), UI(0, 0, false, true),
    UL(0, 4, false, false), UN(0, 1, true, false), UR(' ', 0, true, true), US(0, 2, false, false),
    UT(' ', 0, true, true), UV(0, 8, true, false);

    private final byte padding;
    private final int valueSize;
    private final boolean longLength;
    private final boolean text;

    VR(int padding, int valueSize, boolean longLength, boolean text) {
        this.padding = (byte) padding;
        this.valueSize = valueSize;
        this.longLength = longLength;
        this.text = text;
    }

    /** The byte that pads an odd-length value to even length. */
    public byte padding() {
        return padding;
    }

    /** Bytes of one binary value (2 for US and OW, 8 for FD ...); 0 for text and SQ. */
    public int valueSize() {
        return valueSize;
    }

    /** Whether the explicit-VR header has 2 reserved bytes and a 4-byte length. */
    public boolean hasLongLength() {
        return longLength;
    }

    public boolean isText() {
        return text;
    }

    /** Whether several values are separated by backslash (text VRs other than LT, ST, UT, UR). */
    public boolean isMultiValuedText() {
        return text && this != LT && this != ST && this != UT && this != UR;
    }

    /** Binary values whose byte order depends on the transfer syntax. */
    public boolean needsByteSwap() {
        return valueSize > 1;
    }

    /** The unit of a byte swap: the value size, but 2 for AT (a pair of 16-bit numbers). */
    public int swapSize() {
        return this == AT ? 2 : valueSize;
    }

    /** The VR of a two-letter code, or null when it is not one. */
    public static VR of(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        try {
            return valueOf(String.valueOf(new char[] {(char) first, (char) second}));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
