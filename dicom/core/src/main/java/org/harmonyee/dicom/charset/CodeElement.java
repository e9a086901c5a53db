package org.harmonyee.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A code element of PS3.3 table C.12-3/C.12-4: the ISO 2022 escape sequence that designates it,
 * whether it goes to G0 (GL bytes) or G1 (GR bytes), how many bytes make a character, and the
 * Java charset that decodes it. Multi-byte Japanese sets are decoded as EUC-JP (GL bytes with the
 * high bit set; JIS X 0212 behind the 0x8F prefix), which is the same code in another dress.
 */
enum CodeElement {
    IR_6("ISO 2022 IR 6", "(B", false, 1, "US-ASCII"),
    IR_100("ISO 2022 IR 100", "-A", true, 1, "ISO-8859-1"),
    IR_101("ISO 2022 IR 101", "-B", true, 1, "ISO-8859-2"),
    IR_109("ISO 2022 IR 109", "-C", true, 1, "ISO-8859-3"),
    IR_110("ISO 2022 IR 110", "-D", true, 1, "ISO-8859-4"),
    IR_144("ISO 2022 IR 144", "-L", true, 1, "ISO-8859-5"),
    IR_127("ISO 2022 IR 127", "-G", true, 1, "ISO-8859-6"),
    IR_126("ISO 2022 IR 126", "-F", true, 1, "ISO-8859-7"),
    IR_138("ISO 2022 IR 138", "-H", true, 1, "ISO-8859-8"),
    IR_148("ISO 2022 IR 148", "-M", true, 1, "ISO-8859-9"),
    IR_203("ISO 2022 IR 203", "-b", true, 1, "ISO-8859-15"),
    IR_166("ISO 2022 IR 166", "-T", true, 1, "TIS-620"),
    /** JIS X 0201 katakana in G1; its romaji half (IR 14) designates G0 with ESC ( J. */
    IR_13("ISO 2022 IR 13", ")I", true, 1, "JIS_X0201"),
    IR_14("ISO 2022 IR 13", "(J", false, 1, "JIS_X0201"),
    IR_87("ISO 2022 IR 87", "$B", false, 2, "EUC-JP"),
    IR_159("ISO 2022 IR 159", "$(D", false, 2, "EUC-JP"),
    IR_149("ISO 2022 IR 149", "$)C", true, 2, "EUC-KR"),
    IR_58("ISO 2022 IR 58", "$)A", true, 2, "GB2312");

    static final byte ESC = 0x1B;

    final String term;
    final byte[] escape;
    final boolean g1;
    final int bytesPerChar;
    final Charset charset;

    CodeElement(String term, String escape, boolean g1, int bytesPerChar, String charset) {
        this.term = term;
        this.escape = ("\u001B" + escape).getBytes(StandardCharsets.US_ASCII);
        this.g1 = g1;
        this.bytesPerChar = bytesPerChar;
        this.charset = Charset.isSupported(charset) ? Charset.forName(charset) : StandardCharsets.ISO_8859_1;
    }

    /** The code element of a defined term, "ISO_IR 100" and "ISO 2022 IR 100" alike; null if none. */
    static CodeElement ofTerm(String term) {
        String normalized = term.strip().replace("ISO_IR ", "ISO 2022 IR ");
        if (normalized.isEmpty()) {
            return IR_6;
        }
        for (CodeElement element : values()) {
            if (element.term.equals(normalized) && element != IR_14) {
                return element;
            }
        }
        return null;
    }

    /** The code element whose escape sequence starts at {@code offset}; null if none does. */
    static CodeElement ofEscape(byte[] bytes, int offset) {
        for (CodeElement element : values()) {
            int length = element.escape.length;
            if (offset + length <= bytes.length
                    && Arrays.equals(bytes, offset, offset + length, element.escape, 0, length)) {
                return element;
            }
        }
        return null;
    }

    /** Decodes {@code length} bytes of this element's code (GL or GR bytes as they stand in the value). */
    String decode(byte[] bytes, int offset, int length) {
        if (this == IR_87 || this == IR_159) {
            int prefix = this == IR_159 ? 1 : 0;
            int pairs = length / 2;
            byte[] euc = new byte[pairs * (2 + prefix)];
            for (int i = 0, j = 0; i < pairs; i++) {
                if (prefix == 1) {
                    euc[j++] = (byte) 0x8F;
                }
                euc[j++] = (byte) (bytes[offset + 2 * i] | 0x80);
                euc[j++] = (byte) (bytes[offset + 2 * i + 1] | 0x80);
            }
            return new String(euc, charset);
        }
        return new String(bytes, offset, length, charset);
    }

    /** The bytes of one character in this element's code, or null when the element lacks it. */
    byte[] encode(String character) {
        if (!charset.newEncoder().canEncode(character)) {
            return null;
        }
        byte[] encoded = character.getBytes(charset);
        if (this == IR_87 || this == IR_159) {
            int prefix = this == IR_159 ? 1 : 0;
            if (encoded.length != 2 + prefix || prefix == 1 && encoded[0] != (byte) 0x8F
                    || prefix == 0 && (encoded[0] & 0xFF) < 0xA1) {
                return null;
            }
            return new byte[] {(byte) (encoded[prefix] & 0x7F), (byte) (encoded[prefix + 1] & 0x7F)};
        }
        boolean high = (encoded[0] & 0x80) != 0;
        return encoded.length == bytesPerChar && high == g1 ? encoded : null;
    }
}
