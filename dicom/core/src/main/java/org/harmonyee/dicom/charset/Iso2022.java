package org.harmonyee.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * Text with ISO 2022 code extensions (PS3.5 6.1.2.5): escape sequences designate a code element
 * into G0 or G1; GL bytes decode with G0's, GR bytes with G1's. At the end of a line, at a value
 * delimiter and, in person names, at each component or group delimiter, the designations return
 * to those of the first value of Specific Character Set.
 */
final class Iso2022 {

    private final List<CodeElement> elements;
    private final CodeElement initialG0;
    private final CodeElement initialG1;

    /** {@code elements}: the code elements of the Specific Character Set values, first value first. */
    Iso2022(List<CodeElement> elements) {
        this.elements = elements;
        CodeElement first = elements.get(0);
        this.initialG0 = first == CodeElement.IR_13 ? CodeElement.IR_14 : first.g1 ? CodeElement.IR_6 : first;
        this.initialG1 = first.g1 ? first : null;
    }

    String decode(byte[] bytes, boolean personName) {
        StringBuilder text = new StringBuilder(bytes.length);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == CodeElement.ESC) {
                CodeElement designated = CodeElement.ofEscape(bytes, i);
                if (designated != null) {
                    if (designated.g1) {
                        g1 = designated;
                    } else {
                        g0 = designated;
                    }
                    i += designated.escape.length;
                    continue;
                }
            }
            boolean high = b >= 0x80;
            CodeElement current = high ? g1 : g0;
            int end = i + 1;
            while (end < bytes.length && bytes[end] != CodeElement.ESC && (bytes[end] & 0x80) == (b & 0x80)
                    && (isMultiByte(current) || !isDelimiter(bytes[end - 1], personName))) {
                end++;
            }
            if (current == null) {
                text.append(new String(bytes, i, end - i, StandardCharsets.ISO_8859_1));
            } else {
                text.append(current.decode(bytes, i, end - i));
            }
            if (!high && !isMultiByte(current) && isDelimiter(bytes[end - 1], personName)) {
                g0 = initialG0;
                g1 = initialG1;
            }
            i = end;
        }
        return text.toString();
    }

    byte[] encode(String text, boolean personName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            String character = text.substring(i, i + Character.charCount(text.codePointAt(i)));
            if (character.charAt(0) < 0x80 && isDelimiter((byte) character.charAt(0), personName)) {
                g0 = designate(out, g0, initialG0);
                designate(out, g1, initialG1);
                g1 = initialG1;
                out.write(character.charAt(0));
                continue;
            }
            byte[] encoded = g0.encode(character);
            if (encoded == null && g1 != null) {
                encoded = g1.encode(character);
            }
            if (encoded == null) {
                for (CodeElement element : candidates()) {
                    encoded = element.encode(character);
                    if (encoded != null) {
                        if (element.g1) {
                            g1 = designate(out, g1, element);
                        } else {
                            g0 = designate(out, g0, element);
                        }
                        break;
                    }
                }
            }
            out.writeBytes(encoded == null ? new byte[] {'?'} : encoded);
        }
        designate(out, g0, initialG0);
        designate(out, g1, initialG1);
        return out.toByteArray();
    }

    /** The code elements a value may switch to: those of Specific Character Set, and ESC ( J with IR 13. */
    private List<CodeElement> candidates() {
        return elements.contains(CodeElement.IR_13)
                ? Stream.concat(elements.stream(), Stream.of(CodeElement.IR_14)).toList()
                : elements;
    }

    private static CodeElement designate(ByteArrayOutputStream out, CodeElement current, CodeElement wanted) {
        if (wanted != null && current != wanted) {
            out.writeBytes(wanted.escape);
        }
        return wanted == null ? current : wanted;
    }

    private static boolean isMultiByte(CodeElement element) {
        return element != null && element.bytesPerChar > 1;
    }

    private static boolean isDelimiter(byte b, boolean personName) {
        return b == '\r' || b == '\n' || b == '\t' || b == '\f' || b == '\\' || personName && (b == '^' || b == '=');
    }
}
