package org.harmonyee.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The character set of a dataset's text values, from the defined terms of PS3.3 C.12.1.1.2. Values
 * without code extensions decode with one Java charset; with ISO 2022 escapes (Japanese, Korean)
 * Java's ISO-2022 decoders are used where they exist.
 */
public final class SpecificCharacterSet {

    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet("", StandardCharsets.US_ASCII);

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("ISO_IR 6", "US-ASCII"), Map.entry("ISO 2022 IR 6", "US-ASCII"),
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO 2022 IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"), Map.entry("ISO 2022 IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO 2022 IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO 2022 IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO 2022 IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO 2022 IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO 2022 IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO 2022 IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 13", "JIS_X0201"), Map.entry("ISO 2022 IR 13", "JIS_X0201"),
            Map.entry("ISO_IR 166", "TIS-620"), Map.entry("ISO 2022 IR 166", "TIS-620"),
            Map.entry("ISO 2022 IR 87", "ISO-2022-JP"), Map.entry("ISO 2022 IR 159", "ISO-2022-JP"),
            Map.entry("ISO 2022 IR 149", "ISO-2022-KR"), Map.entry("ISO 2022 IR 58", "ISO-2022-CN"),
            Map.entry("ISO_IR 192", "UTF-8"), Map.entry("GB18030", "GB18030"), Map.entry("GBK", "GBK"));

    private final String terms;
    private final Charset charset;

    private SpecificCharacterSet(String terms, Charset charset) {
        this.terms = terms;
        this.charset = charset;
    }

    /**
     * The character set named by the values of (0008,0005). With code extensions the charset of
     * the first term that needs escapes decides (ISO 2022 JP/KR decoders handle ASCII too).
     */
    public static SpecificCharacterSet of(String[] values) {
        if (values == null || values.length == 0) {
            return DEFAULT;
        }
        Charset chosen = null;
        for (String value : values) {
            String term = value.strip();
            String name = term.isEmpty() ? "US-ASCII" : JAVA_NAMES.get(term);
            if (name != null && Charset.isSupported(name)) {
                Charset candidate = Charset.forName(name);
                if (chosen == null || name.startsWith("ISO-2022")) {
                    chosen = candidate;
                }
            }
        }
        return new SpecificCharacterSet(String.join("\\", values), chosen == null ? StandardCharsets.ISO_8859_1 : chosen);
    }

    public String decode(byte[] bytes) {
        return new String(bytes, charset);
    }

    public byte[] encode(String text) {
        return text.getBytes(charset);
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public String toString() {
        return terms.isEmpty() ? "default repertoire" : terms;
    }
}
