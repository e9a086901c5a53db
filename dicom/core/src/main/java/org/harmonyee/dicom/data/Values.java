package org.harmonyee.dicom.data;

import org.harmonyee.dicom.charset.SpecificCharacterSet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Decoding and encoding of values (little endian) by VR. */
public final class Values {

    private Values() {
    }

    /** The text values of a text VR, split at backslash where the VR allows several, trimmed per PS3.5. */
    public static String[] strings(byte[] bytes, VR vr, SpecificCharacterSet characterSet) {
        if (bytes.length == 0) {
            return new String[0];
        }
        String text = vr == VR.UI || vr == VR.AE || vr == VR.CS || vr == VR.DA || vr == VR.DS || vr == VR.IS
                || vr == VR.AS || vr == VR.TM || vr == VR.DT || vr == VR.UR
                ? new String(bytes, StandardCharsets.ISO_8859_1) : characterSet.decode(bytes, vr == VR.PN);
        String[] values = vr.isMultiValuedText() ? text.split("\\\\", -1) : new String[] {text};
        for (int i = 0; i < values.length; i++) {
            values[i] = trim(values[i], vr);
        }
        return values;
    }

    private static String trim(String value, VR vr) {
        if (vr == VR.UI) {
            return value.replace("\0", "").strip();
        }
        if (vr == VR.LT || vr == VR.ST || vr == VR.UT || vr == VR.UR) {
            return stripTrailingSpaces(value.replace("\0", ""));
        }
        String stripped = value.replace("\0", "").strip();
        return vr == VR.PN ? stripEmptyComponents(stripped) : stripped;
    }

    private static String stripTrailingSpaces(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }

    /** "Doe^John^^^" is "Doe^John", "^^^^" is empty: trailing empty components carry nothing (PS3.5 6.2.1). */
    private static String stripEmptyComponents(String name) {
        String[] groups = name.split("=", -1);
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            int end = group.length();
            while (end > 0 && group.charAt(end - 1) == '^') {
                end--;
            }
            groups[i] = group.substring(0, end);
        }
        int last = groups.length;
        while (last > 1 && groups[last - 1].isEmpty()) {
            last--;
        }
        return String.join("=", java.util.Arrays.copyOf(groups, last));
    }

    public static byte[] encodeStrings(String[] values, VR vr, SpecificCharacterSet characterSet) {
        String joined = String.join("\\", values);
        return vr == VR.UI || vr == VR.AE || vr == VR.CS || vr == VR.DA || vr == VR.DS || vr == VR.IS
                || vr == VR.AS || vr == VR.TM || vr == VR.DT || vr == VR.UR
                ? joined.getBytes(StandardCharsets.ISO_8859_1) : characterSet.encode(joined, vr == VR.PN);
    }

    /** The integer values of US, SS, UL, SL, SV, UV, AT, OW, OL, OV (unsigned types stay non-negative). */
    public static long[] integers(byte[] bytes, VR vr) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int size = vr.valueSize();
        long[] values = new long[size == 0 ? 0 : bytes.length / size];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (vr) {
                case US, OW -> buffer.getShort() & 0xFFFFL;
                case SS -> buffer.getShort();
                case UL, OL -> buffer.getInt() & 0xFFFFFFFFL;
                case SL -> buffer.getInt();
                case AT -> ((buffer.getShort() & 0xFFFFL) << 16) | (buffer.getShort() & 0xFFFFL);
                case SV, UV, OV -> buffer.getLong();
                default -> throw new IllegalArgumentException(vr + " holds no integers");
            };
        }
        return values;
    }

    public static double[] doubles(byte[] bytes, VR vr) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int size = vr.valueSize();
        double[] values = new double[bytes.length / size];
        for (int i = 0; i < values.length; i++) {
            values[i] = vr == VR.FL || vr == VR.OF ? buffer.getFloat() : buffer.getDouble();
        }
        return values;
    }

    public static byte[] encodeIntegers(long[] values, VR vr) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * vr.valueSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            switch (vr) {
                case US, SS, OW -> buffer.putShort((short) value);
                case UL, SL, OL -> buffer.putInt((int) value);
                case AT -> buffer.putShort((short) (value >>> 16)).putShort((short) value);
                case SV, UV, OV -> buffer.putLong(value);
                default -> throw new IllegalArgumentException(vr + " holds no integers");
            }
        }
        return buffer.array();
    }

    public static byte[] encodeDoubles(double[] values, VR vr) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * vr.valueSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            if (vr == VR.FL || vr == VR.OF) {
                buffer.putFloat((float) value);
            } else {
                buffer.putDouble(value);
            }
        }
        return buffer.array();
    }

    /** A DS value of at most 16 characters (PS3.5 table 6.2-1): exact when it fits, else rounded. */
    public static String formatDecimal(double value) {
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        String plain = exact.scale() < 0 && exact.precision() - exact.scale() <= 16 ? exact.toPlainString() : exact.toString();
        for (int precision = 16; plain.length() > 16 && precision > 0; precision--) {
            plain = exact.round(new MathContext(precision)).stripTrailingZeros().toString();
        }
        return plain;
    }

    /** Reverses the byte order of each value in place (big ↔ little endian). */
    public static void swap(byte[] bytes, int valueSize) {
        swap(bytes, bytes.length, valueSize);
    }

    /** Reverses the byte order of each value among the first {@code length} bytes. */
    public static void swap(byte[] bytes, int length, int valueSize) {
        for (int start = 0; start + valueSize <= length; start += valueSize) {
            for (int i = 0; i < valueSize / 2; i++) {
                byte b = bytes[start + i];
                bytes[start + i] = bytes[start + valueSize - 1 - i];
                bytes[start + valueSize - 1 - i] = b;
            }
        }
    }
}
