package org.harmonyee.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The character set of a dataset's text values, from the defined terms of PS3.3 C.12.1.1.2. A
 * single value without code extensions (ISO_IR 100, ISO_IR 192, GB18030, GBK ...) decodes with one
 * Java charset; values with ISO 2022 code extensions (ISO 2022 IR 13\ISO 2022 IR 87, \ISO 2022 IR
 * 149 ...) decode by their escape sequences. An unknown term falls back to ISO-8859-1, so that no
 * byte is lost. Immutable; instances are shared.
 */
public final class SpecificCharacterSet {

    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet("", StandardCharsets.US_ASCII, null);

    private static final Map<String, String> SINGLE = Map.of("ISO_IR 192", "UTF-8", "GB18030", "GB18030", "GBK", "GBK",
            "ISO_IR 13", "JIS_X0201");
    private static final Map<String, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();

    private final String terms;
    private final Charset charset;
    private final Iso2022 extensions;

    private SpecificCharacterSet(String terms, Charset charset, Iso2022 extensions) {
        this.terms = terms;
        this.charset = charset;
        this.extensions = extensions;
    }

    /** The character set named by the values of (0008,0005). */
    public static SpecificCharacterSet of(String[] values) {
        if (values == null || values.length == 0 || values.length == 1 && values[0].isBlank()) {
            return DEFAULT;
        }
        String key = String.join("\\", values);
        SpecificCharacterSet known = CACHE.get(key);
        if (known == null) {
            known = parse(key, values);
            if (CACHE.size() < 256) {
                CACHE.put(key, known);
            }
        }
        return known;
    }

    private static SpecificCharacterSet parse(String key, String[] values) {
        String first = values[0].strip();
        boolean extended = values.length > 1 || first.startsWith("ISO 2022");
        if (!extended) {
            String name = SINGLE.get(first);
            CodeElement element = CodeElement.ofTerm(first);
            Charset charset = name != null && Charset.isSupported(name) ? Charset.forName(name)
                    : element != null ? element.charset : StandardCharsets.ISO_8859_1;
            return new SpecificCharacterSet(key, charset, null);
        }
        List<CodeElement> elements = new ArrayList<>();
        for (String value : values) {
            CodeElement element = CodeElement.ofTerm(value);
            if (element != null && !elements.contains(element)) {
                elements.add(element);
            }
        }
        if (elements.isEmpty()) {
            return new SpecificCharacterSet(key, StandardCharsets.ISO_8859_1, null);
        }
        return new SpecificCharacterSet(key, elements.get(0).charset, new Iso2022(elements));
    }

    public String decode(byte[] bytes) {
        return decode(bytes, false);
    }

    /** Decodes a value; in a person name ({@code personName}) '^' and '=' also end an escape's reach. */
    public String decode(byte[] bytes, boolean personName) {
        return extensions == null ? new String(bytes, charset) : extensions.decode(bytes, personName);
    }

    public byte[] encode(String text) {
        return encode(text, false);
    }

    /** Encodes a value, with the escape sequences its characters need when there are code extensions. */
    public byte[] encode(String text, boolean personName) {
        return extensions == null ? text.getBytes(charset) : extensions.encode(text, personName);
    }

    /** Whether text is written with ISO 2022 escape sequences. */
    public boolean hasCodeExtensions() {
        return extensions != null;
    }

    @Override
    public String toString() {
        return terms.isEmpty() ? "default repertoire" : terms;
    }
}
