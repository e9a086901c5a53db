package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.VR;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One matching key of an identifier and the attribute matching of PS3.4 C.2.2.2 it calls for:
 * <ul>
 * <li>universal: no value, or only {@code *};</li>
 * <li>single value: exact and case-sensitive, except PN, which is case-insensitive (as most
 * archives do; the standard leaves PN case to the SCP); a PN key without {@code =} is matched
 * against the whole name and against each of its component groups (alphabetic, ideographic,
 * phonetic);</li>
 * <li>wildcard: {@code *} (any run) and {@code ?} (one character), for every text VR but DA, TM,
 * DT and UI, with the same case rule;</li>
 * <li>range for DA, TM and DT: {@code a-b}, {@code -b}, {@code a-}; a bound of lower precision covers
 * its whole span ({@code -1030} ends at 10:30:59.999999), and a single DA/TM/DT value is the range
 * of itself; a DT value's UTC offset is not taken into account;</li>
 * <li>list of UIDs for UI: any of the backslash-separated values; other multi-valued keys also
 * match when any value matches (Modalities in Study {@code CT\MR}).</li>
 * </ul>
 * A stored attribute with several values matches when any of them does; an absent or empty one
 * matches only universal keys. Immutable.
 */
final class KeyMatcher {

    private final int tag;
    private final boolean universal;
    private final List<Predicate<String>> alternatives;

    private KeyMatcher(int tag, boolean universal, List<Predicate<String>> alternatives) {
        this.tag = tag;
        this.universal = universal;
        this.alternatives = alternatives;
    }

    /** @param values the key's values, decoded with the identifier's character set */
    static KeyMatcher of(int tag, VR vr, String[] values) {
        List<Predicate<String>> alternatives = new ArrayList<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                alternatives.add(predicate(vr, value));
            }
        }
        boolean universal = alternatives.isEmpty() || values.length == 1 && values[0].equals("*");
        return new KeyMatcher(tag, universal, List.copyOf(alternatives));
    }

    int tag() {
        return tag;
    }

    boolean isUniversal() {
        return universal;
    }

    boolean matches(String[] stored) {
        if (universal) {
            return true;
        }
        for (String value : stored) {
            for (Predicate<String> alternative : alternatives) {
                if (!value.isEmpty() && alternative.test(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Predicate<String> predicate(VR vr, String key) {
        return switch (vr) {
            case DA -> range(key, 8);
            case TM -> range(key, 12);
            case DT -> range(key, 20);
            case UI -> key::equals;
            case PN -> personName(key);
            default -> vr.isText() && hasWildcard(key) ? wildcard(key, false)::test : key::equals;
        };
    }

    private static boolean hasWildcard(String key) {
        return key.indexOf('*') >= 0 || key.indexOf('?') >= 0;
    }

    private static Predicate<String> personName(String key) {
        Predicate<String> whole = hasWildcard(key) ? wildcard(key, true)::test : key::equalsIgnoreCase;
        if (key.indexOf('=') >= 0) {
            return whole;
        }
        return name -> {
            if (whole.test(name)) {
                return true;
            }
            for (String group : name.split("=")) {
                if (!group.isEmpty() && whole.test(group)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Predicate<String> wildcard(String key, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        Pattern pattern = Pattern.compile(regex.toString(), flags);
        return value -> pattern.matcher(value).matches();
    }

    /** DA, TM and DT compared as digit strings of one width: lower bounds padded with 0, upper with 9. */
    private static Predicate<String> range(String key, int width) {
        int dash = key.indexOf('-');
        String from = dash < 0 ? key : key.substring(0, dash);
        String to = dash < 0 ? key : key.substring(dash + 1);
        String lower = from.isEmpty() ? null : digits(from, width, '0');
        String upper = to.isEmpty() ? null : digits(to, width, '9');
        return value -> {
            String point = digits(value, width, '0');
            return (lower == null || point.compareTo(lower) >= 0) && (upper == null || point.compareTo(upper) <= 0);
        };
    }

    /**
     * A DA, TM or DT value as {@code width} digits: separators of older versions ({@code .} in dates,
     * {@code :} in times) and a DT offset dropped, a TM's or DT's whole seconds and fraction aligned.
     */
    static String digits(String value, int width, char pad) {
        String text = value.strip();
        if (width == 20) {
            int offset = Math.max(text.indexOf('+'), text.indexOf('-', 1));
            text = offset > 0 ? text.substring(0, offset) : text;
        }
        String whole;
        String fraction;
        int point = width == 8 ? -1 : text.indexOf('.');
        if (point >= 0) {
            whole = text.substring(0, point);
            fraction = text.substring(point + 1);
        } else {
            whole = text;
            fraction = "";
        }
        whole = whole.replace(".", "").replace(":", "");
        int wholeWidth = width == 8 ? 8 : width - 6;
        StringBuilder out = new StringBuilder(width);
        out.append(whole, 0, Math.min(whole.length(), wholeWidth));
        pad(out, wholeWidth, pad);
        if (width > 8) {
            out.append(fraction, 0, Math.min(fraction.length(), 6));
            pad(out, width, pad);
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, int width, char pad) {
        while (out.length() < width) {
            out.append(pad);
        }
    }
}
