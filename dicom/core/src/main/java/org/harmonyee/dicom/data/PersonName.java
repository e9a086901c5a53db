package org.harmonyee.dicom.data;

/**
 * A PN value: up to three component groups (alphabetic = ideographic = phonetic), each of up to
 * five components (family ^ given ^ middle ^ prefix ^ suffix).
 */
public record PersonName(String alphabetic, String ideographic, String phonetic) {

    public static PersonName parse(String value) {
        String[] groups = value.split("=", -1);
        return new PersonName(groups[0], groups.length > 1 ? groups[1] : "", groups.length > 2 ? groups[2] : "");
    }

    /** A component of the alphabetic group: 0 family, 1 given, 2 middle, 3 prefix, 4 suffix. */
    public String component(int index) {
        String[] components = alphabetic.split("\\^", -1);
        return index < components.length ? components[index] : "";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(alphabetic);
        if (!ideographic.isEmpty() || !phonetic.isEmpty()) {
            text.append('=').append(ideographic);
        }
        if (!phonetic.isEmpty()) {
            text.append('=').append(phonetic);
        }
        return text.toString();
    }
}
