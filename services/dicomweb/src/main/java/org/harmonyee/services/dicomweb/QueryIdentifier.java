package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.dict.ElementDictionary;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A C-FIND identifier built as PS3.18 DICOM JSON, the form the DIMSE envelope carries: return keys
 * (no value) and matching keys (values checked against their VR), each named by keyword or tag, or
 * by a path through sequences ({@code RequestAttributesSequence.RequestedProcedureID}). A value
 * outside ASCII makes the identifier say {@code ISO_IR 192}.
 */
final class QueryIdentifier {

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();
    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern TIME = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?)?)?)?"
            + "([+-]\\d{4})?");

    private final ObjectNode root = Json.MAPPER.createObjectNode();

    /** The identifier as DICOM JSON. */
    ObjectNode json() {
        return root;
    }

    /** The tag path of a keyword, tag or dotted path of them; a name that is none of these is 400 naming {@code parameter}. */
    static List<Integer> path(String name, String parameter) {
        List<Integer> tags = new ArrayList<>();
        for (String step : name.split("\\.", -1)) {
            Optional<Integer> tag = TAG.matcher(step).matches() ? Optional.of((int) Long.parseLong(step, 16))
                    : DICTIONARY.tagOf(step);
            tags.add(tag.orElseThrow(() -> new GatewayException(ProblemType.MALFORMED_REQUEST, parameter + ": '" + name
                    + "' is not a DICOM attribute keyword or tag" + (name.equals(step) ? "" : " path"))));
        }
        for (int i = 0; i < tags.size() - 1; i++) {
            if (DICTIONARY.vrOf(tags.get(i)) != VR.SQ) {
                throw new GatewayException(ProblemType.MALFORMED_REQUEST, parameter + ": '" + name + "': "
                        + TagUtils.toString(tags.get(i)) + " is not a sequence");
            }
        }
        return tags;
    }

    /** Asks for an attribute to be returned, unless the identifier has it already. */
    void returnKey(List<Integer> path) {
        ObjectNode item = item(path);
        String key = TagUtils.toHex(path.get(path.size() - 1));
        if (!item.has(key)) {
            item.set(key, element(path.get(path.size() - 1)));
        }
    }

    /**
     * Matches an attribute against values (several only for a UID list); an empty value is
     * universal matching.
     *
     * @throws GatewayException 400 naming {@code parameter} for a value its VR cannot hold
     */
    void match(List<Integer> path, List<String> values, String parameter) {
        int tag = path.get(path.size() - 1);
        VR vr = DICTIONARY.vrOf(tag);
        ObjectNode element = element(tag);
        item(path).set(TagUtils.toHex(tag), element);
        if (values.stream().allMatch(String::isEmpty)) {
            return;
        }
        if (vr == VR.SQ) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, parameter + ": a sequence matches only its items'"
                    + " attributes (Sequence.Attribute=value)");
        }
        ArrayNode array = element.putArray("Value");
        for (String value : values) {
            add(array, vr, value, parameter);
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
                root.set("00080005", Json.MAPPER.createObjectNode().put("vr", "CS")
                        .set("Value", Json.MAPPER.createArrayNode().add("ISO_IR 192")));
            }
        }
    }

    private static void add(ArrayNode array, VR vr, String value, String parameter) {
        switch (vr) {
            case PN -> array.addObject().put("Alphabetic", value);
            case DA -> array.add(checked(value, DATE, parameter, "a date YYYYMMDD or a range of them"));
            case TM -> array.add(checked(value, TIME, parameter, "a time HHMMSS.FFFFFF or a range of them"));
            case DT -> array.add(checked(value, DATE_TIME, parameter, "a date-time or a range of them"));
            case UI -> array.add(DicomWebResource.uid(value, parameter));
            case IS, US, SS, UL, SL, SV, UV -> array.add(integer(value, parameter));
            case DS, FL, FD -> array.add(number(value, parameter));
            default -> {
                if (!vr.isText()) {
                    throw new GatewayException(ProblemType.MALFORMED_REQUEST, parameter + ": attributes of VR " + vr
                            + " cannot be matched");
                }
                array.add(value);
            }
        }
    }

    /** A value of the pattern, or a range: two of them (either may be missing) around '-'. */
    private static String checked(String value, Pattern pattern, String parameter, String expected) {
        int dash = value.indexOf('-');
        boolean valid = pattern.matcher(value).matches() || dash >= 0 && value.length() > 1
                && (dash == 0 || pattern.matcher(value.substring(0, dash)).matches())
                && (dash == value.length() - 1 || pattern.matcher(value.substring(dash + 1)).matches());
        if (!valid) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, parameter + ": expected " + expected + ", got '"
                    + value + "'");
        }
        return value;
    }

    private static BigDecimal number(String value, String parameter) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, parameter + ": expected a number, got '" + value
                    + "'");
        }
    }

    private static long integer(String value, String parameter) {
        try {
            return number(value, parameter).longValueExact();
        } catch (ArithmeticException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, parameter + ": expected an integer, got '" + value
                    + "'");
        }
    }

    private static ObjectNode element(int tag) {
        return Json.MAPPER.createObjectNode().put("vr", DICTIONARY.vrOf(tag).name());
    }

    /** The item that holds the last attribute of {@code path}: the root, or the single item of each sequence on the way. */
    private ObjectNode item(List<Integer> path) {
        ObjectNode item = root;
        for (int tag : path.subList(0, path.size() - 1)) {
            String key = TagUtils.toHex(tag);
            ObjectNode sequence = item.has(key) ? (ObjectNode) item.get(key) : element(tag);
            item.set(key, sequence);
            ArrayNode items = sequence.has("Value") ? (ArrayNode) sequence.get("Value") : sequence.putArray("Value");
            item = items.isEmpty() ? items.addObject() : (ObjectNode) items.get(0);
        }
        return item;
    }
}
