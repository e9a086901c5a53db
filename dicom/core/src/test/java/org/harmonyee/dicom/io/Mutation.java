package org.harmonyee.dicom.io;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * A change that makes a valid file malformed, at positions given as fractions of its length so
 * that one mutation applies to any file. Its toString names it for jqwik's failure reports.
 */
sealed interface Mutation {

    byte[] apply(byte[] valid);

    private static int position(double at, int length) {
        return Math.min(length, (int) (at * length));
    }

    /** Cut the file short. */
    record Truncate(double at) implements Mutation {
        public byte[] apply(byte[] valid) {
            return Arrays.copyOf(valid, position(at, valid.length));
        }
    }

    /** XOR some bytes with a mask. */
    record Flip(List<Double> at, int mask) implements Mutation {
        public byte[] apply(byte[] valid) {
            byte[] bytes = valid.clone();
            for (double position : at) {
                int i = Math.min(bytes.length - 1, position(position, bytes.length));
                bytes[i] ^= (byte) mask;
            }
            return bytes;
        }
    }

    /** A 32-bit little-endian length where one may be (an even offset), set to an absurd value. */
    record AbsurdLength(double at, long length) implements Mutation {
        public byte[] apply(byte[] valid) {
            byte[] bytes = valid.clone();
            int i = position(at, bytes.length - 4) & ~1;
            for (int b = 0; b < 4 && i + b < bytes.length; b++) {
                bytes[i + b] = (byte) (length >>> (8 * b));
            }
            return bytes;
        }
    }

    /** Two bytes where an explicit VR may be, replaced by another VR's code or garbage. */
    record WrongVR(double at, String vr) implements Mutation {
        public byte[] apply(byte[] valid) {
            byte[] bytes = valid.clone();
            int i = position(at, bytes.length - 2) & ~1;
            if (i + 1 < bytes.length) {
                bytes[i] = (byte) vr.charAt(0);
                bytes[i + 1] = (byte) vr.charAt(1);
            }
            return bytes;
        }
    }

    /** Many item or delimiter headers (undefined length) inserted at one place. */
    record Delimiters(double at, int count, int tag) implements Mutation {
        public byte[] apply(byte[] valid) {
            byte[] header = {(byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8), -1, -1, -1, -1};
            return insert(valid, position(at, valid.length) & ~1, header, count);
        }
    }

    /** Sequences of undefined length, each in an item of the one before, nested {@code depth} deep. */
    record Nesting(double at, int depth) implements Mutation {
        public byte[] apply(byte[] valid) {
            byte[] level = {0x08, 0x00, 0x15, 0x11, 'S', 'Q', 0, 0, -1, -1, -1, -1, (byte) 0xFE, (byte) 0xFF, 0x00,
                    (byte) 0xE0, -1, -1, -1, -1};
            return insert(valid, position(at, valid.length) & ~1, level, depth);
        }
    }

    private static byte[] insert(byte[] valid, int at, byte[] unit, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(valid.length + unit.length * count);
        out.write(valid, 0, at);
        for (int i = 0; i < count; i++) {
            out.write(unit, 0, unit.length);
        }
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }
}
