package org.harmonyee.dicom.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two DICOM JSON documents by meaning: same tags, VRs and values; numbers by value (FL
 * with float precision); InlineBinary by decoded bytes. Returns the differences, empty if none.
 */
public final class JsonEquivalence {

    private final List<String> differences = new ArrayList<>();
    private final boolean implicitVR;

    private JsonEquivalence(boolean implicitVR) {
        this.implicitVR = implicitVR;
    }

    public static List<String> compare(JsonNode expected, JsonNode actual) {
        JsonEquivalence equivalence = new JsonEquivalence(false);
        equivalence.dataset(expected, actual, "");
        return equivalence.differences;
    }

    /**
     * As {@link #compare}, for a dataset that went through implicit VR: an element the dictionary
     * does not know (private, retired-unknown) comes back as UN, and OB pixel data as OW (PS3.5
     * A.1), so those VR changes are expected; OB/OW values are still compared byte for byte.
     */
    public static List<String> compareAfterImplicitVR(JsonNode expected, JsonNode actual) {
        JsonEquivalence equivalence = new JsonEquivalence(true);
        equivalence.dataset(expected, actual, "");
        return equivalence.differences;
    }

    private void dataset(JsonNode expected, JsonNode actual, String path) {
        TreeSet<String> tags = new TreeSet<>();
        expected.fieldNames().forEachRemaining(tags::add);
        actual.fieldNames().forEachRemaining(tags::add);
        for (String tag : tags) {
            if (tag.equals("00080005")) {
                continue;
            }
            JsonNode e = expected.get(tag);
            JsonNode a = actual.get(tag);
            if (e == null || a == null) {
                differences.add(path + tag + ": only in " + (e == null ? "ours" : "dcm2json"));
                continue;
            }
            element(e, a, path + tag);
        }
    }

    private void element(JsonNode expected, JsonNode actual, String path) {
        String vr = expected.path("vr").asText();
        String actualVR = actual.path("vr").asText();
        if (!vr.equals(actualVR)) {
            boolean expectedLoss = implicitVR && (actualVR.equals("UN")
                    || vr.equals("OB") && actualVR.equals("OW"));
            if (!expectedLoss) {
                differences.add(path + ": vr " + vr + " vs " + actualVR);
                return;
            }
            if (actualVR.equals("UN")) {
                return;
            }
        }
        if (expected.has("InlineBinary") || actual.has("InlineBinary")) {
            byte[] e = Base64.getDecoder().decode(expected.path("InlineBinary").asText(""));
            byte[] a = Base64.getDecoder().decode(actual.path("InlineBinary").asText(""));
            if (!java.util.Arrays.equals(e, a)) {
                differences.add(path + ": InlineBinary differs (" + e.length + " vs " + a.length + " bytes)");
            }
            return;
        }
        JsonNode e = values(expected);
        JsonNode a = values(actual);
        if (e.size() != a.size()) {
            differences.add(path + ": " + e.size() + " values vs " + a.size() + " (" + e + " vs " + a + ")");
            return;
        }
        for (int i = 0; i < e.size(); i++) {
            value(e.get(i), a.get(i), vr, path + "[" + i + "]");
        }
    }

    /** A JSON number, or a string holding one (dcm2json writes some DS values as strings). */
    private static boolean isNumeric(JsonNode value) {
        if (value.isNumber()) {
            return true;
        }
        try {
            new BigDecimal(value.asText().strip());
            return value.isTextual();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static JsonNode values(JsonNode element) {
        JsonNode values = element.path("Value");
        return values.isMissingNode() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode() : values;
    }

    private void value(JsonNode expected, JsonNode actual, String vr, String path) {
        if (vr.equals("SQ")) {
            dataset(expected, actual, path + ".");
        } else if (isNumeric(expected) && isNumeric(actual) && (expected.isNumber() || actual.isNumber())) {
            boolean equal = vr.equals("FL")
                    ? Float.compare((float) expected.asDouble(), (float) actual.asDouble()) == 0
                    : new BigDecimal(expected.asText().strip()).compareTo(new BigDecimal(actual.asText().strip())) == 0;
            if (!equal) {
                differences.add(path + ": " + expected + " vs " + actual);
            }
        } else if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> group = it.next();
                if (!group.getValue().equals(actual.get(group.getKey()))) {
                    differences.add(path + "." + group.getKey() + ": " + group.getValue() + " vs " + actual.get(group.getKey()));
                }
            }
            if (expected.size() != actual.size()) {
                differences.add(path + ": " + expected + " vs " + actual);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": " + expected + " vs " + actual);
        }
    }
}
