package org.harmonyee.dicom.dict;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.VR;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookups in the standard data dictionary. Thread-safe; loaded on first use. */
public final class ElementDictionary {

    /**
     * One dictionary entry; {@code vr} is the first of alternatives such as "US or SS", and
     * {@code alternative} the second (null when the VR is unambiguous).
     */
    public record Entry(int tag, int mask, VR vr, VR alternative, String vm, String keyword, boolean retired) {
    }

    private static final ElementDictionary STANDARD = load();

    private final Map<Integer, Entry> exact;
    private final List<Entry> masked;
    private final Map<String, Entry> byKeyword;

    private ElementDictionary(Map<Integer, Entry> exact, List<Entry> masked, Map<String, Entry> byKeyword) {
        this.exact = exact;
        this.masked = masked;
        this.byKeyword = byKeyword;
    }

    public static ElementDictionary standard() {
        return STANDARD;
    }

    public Optional<Entry> entry(int tag) {
        Entry entry = exact.get(tag);
        if (entry != null) {
            return Optional.of(entry);
        }
        for (Entry candidate : masked) {
            if ((tag & candidate.mask()) == candidate.tag()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The VR of an implicit-VR element inside {@code context}: "US or SS" follows the dataset's
     * PixelRepresentation (1: SS); "OB or OW" is OW (PS3.5 A.1: implicit VR pixel data is OW).
     */
    public VR vrOf(int tag, Attributes context) {
        VR vr = vrOf(tag);
        Entry entry = entry(tag).orElse(null);
        if (entry == null || entry.alternative() == null) {
            return vr;
        }
        if (entry.vr() == VR.US && entry.alternative() == VR.SS) {
            return isSigned(context) ? VR.SS : VR.US;
        }
        if (entry.vr() == VR.OB && entry.alternative() == VR.OW) {
            return VR.OW;
        }
        return vr;
    }

    /** PixelRepresentation 1; a malformed one (text that is no number) counts as unsigned. */
    private static boolean isSigned(Attributes context) {
        try {
            return context.getInt(0x00280103, 0) == 1;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    /**
     * The VR to read an implicit-VR element with: the dictionary's, UL for group lengths, LO for
     * private creators, UN for anything unknown.
     */
    public VR vrOf(int tag) {
        int element = tag & 0xFFFF;
        if (element == 0) {
            return VR.UL;
        }
        int group = tag >>> 16;
        if ((group & 1) == 1) {
            return element >= 0x10 && element <= 0xFF ? VR.LO : VR.UN;
        }
        return entry(tag).map(Entry::vr).orElse(VR.UN);
    }

    /** The keyword; "GroupLength" and "PrivateCreator" for those the dictionary lists by kind; "" if unknown. */
    public String keywordOf(int tag) {
        boolean isPrivate = ((tag >>> 16) & 1) == 1;
        String keyword = isPrivate ? "" : entry(tag).map(Entry::keyword).orElse("");
        if (!keyword.isEmpty()) {
            return keyword;
        }
        if ((tag & 0xFFFF) == 0) {
            return "GroupLength";
        }
        int element = tag & 0xFFFF;
        return isPrivate && element >= 0x10 && element <= 0xFF ? "PrivateCreator" : "";
    }

    public Optional<Integer> tagOf(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword)).map(Entry::tag);
    }

    private static ElementDictionary load() {
        Map<Integer, Entry> exact = new HashMap<>();
        List<Entry> masked = new ArrayList<>();
        Map<String, Entry> byKeyword = new HashMap<>();
        try (InputStream in = ElementDictionary.class.getResourceAsStream("elements.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] field = line.split("\t", -1);
                String vrText = field[2];
                VR vr = vrText.equals("NONE") ? VR.UN : VR.valueOf(vrText.substring(0, 2));
                VR alternative = vrText.length() > 2 && !vrText.equals("NONE") ? VR.valueOf(vrText.substring(6, 8)) : null;
                Entry entry = new Entry((int) Long.parseLong(field[0], 16), (int) Long.parseLong(field[1], 16), vr,
                        alternative, field[3], field[4], field[5].equals("R"));
                if (entry.mask() == 0xFFFFFFFF) {
                    exact.put(entry.tag(), entry);
                } else {
                    masked.add(entry);
                }
                byKeyword.putIfAbsent(entry.keyword(), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the data dictionary resource is unreadable", e);
        }
        return new ElementDictionary(Map.copyOf(exact), List.copyOf(masked), Map.copyOf(byKeyword));
    }
}
