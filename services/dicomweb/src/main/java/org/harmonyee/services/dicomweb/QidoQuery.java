package org.harmonyee.services.dicomweb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.services.dicomweb.DicomWebResource.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A QIDO-RS search as a C-FIND: the identifier (Query/Retrieve Level, the path's UIDs, the matching
 * keys of the query, the default and included return keys) and the paging the gateway applies to
 * the matches. Every bad parameter is a 400 that names it.
 *
 * @param identifier the C-FIND identifier as DICOM JSON
 * @param offset     how many matches to skip
 * @param limit      the most matches to answer
 * @param warnings   Warning header values (PS3.18 8.3.4.4: fuzzy matching not performed, limit lowered)
 */
record QidoQuery(ObjectNode identifier, long offset, long limit, List<String> warnings) {

    static final String INCLUDEFIELD = "includefield";
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String FUZZYMATCHING = "fuzzymatching";
    /** PS3.18 8.3.3.1: media types in the query, in place of the Accept header (the bridge applies it). */
    static final String ACCEPT = "accept";
    private static final Set<String> CONTROLS = Set.of(INCLUDEFIELD, LIMIT, OFFSET, FUZZYMATCHING, ACCEPT);

    /** The limits of a bridge: the limit of a search that names none, and the most a search may ask. */
    record Limits(long defaultLimit, long maxLimit) {
    }

    static QidoQuery of(DicomWebResource search, Map<String, List<String>> query, Limits limits, String warningAgent) {
        QueryIdentifier identifier = new QueryIdentifier();
        identifier.match(List.of(Tag.QueryRetrieveLevel), List.of(search.level().name()), "level");
        if (search.study() != null) {
            identifier.match(List.of(Tag.StudyInstanceUID), List.of(search.study()), "path");
        }
        if (search.series() != null) {
            identifier.match(List.of(Tag.SeriesInstanceUID), List.of(search.series()), "path");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!CONTROLS.contains(parameter.getKey())) {
                match(identifier, search, parameter.getKey(), parameter.getValue());
            }
        }
        QidoAttributes.defaults(search).forEach(tag -> identifier.returnKey(List.of(tag)));
        uniqueKeyOf(search.level()).forEach(tag -> identifier.returnKey(List.of(tag)));
        for (String field : commaSeparated(query.getOrDefault(INCLUDEFIELD, List.of()))) {
            if (field.equals("all")) {
                QidoAttributes.all(search).forEach(tag -> identifier.returnKey(List.of(tag)));
            } else {
                List<Integer> path = QueryIdentifier.path(field, INCLUDEFIELD);
                if (path.size() > 1 || !QidoAttributes.isBelow(path.get(0), search.level())) {
                    identifier.returnKey(path);
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        if (bool(query, FUZZYMATCHING)) {
            warnings.add("299 " + warningAgent + " \"The fuzzymatching parameter is not supported."
                    + " Only literal matching has been performed.\"");
        }
        long limit = number(query, LIMIT, limits.defaultLimit(), 1);
        if (limit > limits.maxLimit()) {
            warnings.add("299 " + warningAgent + " \"The limit parameter exceeds the maximum of " + limits.maxLimit()
                    + "; at most " + limits.maxLimit() + " results are returned.\"");
            limit = limits.maxLimit();
        }
        return new QidoQuery(identifier.json(), number(query, OFFSET, 0, 0), limit, List.copyOf(warnings));
    }

    private static void match(QueryIdentifier identifier, DicomWebResource search, String name, List<String> values) {
        List<Integer> path = QueryIdentifier.path(name, name);
        int tag = path.get(0);
        if (path.size() == 1 && (tag == Tag.StudyInstanceUID && search.study() != null
                || tag == Tag.SeriesInstanceUID && search.series() != null || tag == Tag.QueryRetrieveLevel)) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, name + ": fixed by the resource's path, not a"
                    + " query parameter");
        }
        boolean uids = path.size() == 1 && (tag == Tag.StudyInstanceUID || tag == Tag.SeriesInstanceUID
                || tag == Tag.SOPInstanceUID || tag == Tag.SOPClassUID);
        if (!uids && values.size() > 1) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, name + ": given " + values.size()
                    + " times; only a UID list matches several values");
        }
        identifier.match(path, uids ? uidList(values) : values, name);
    }

    /** PS3.18 8.3.4.1: a UID list is comma- or backslash-separated, or the parameter repeated. */
    private static List<String> uidList(List<String> values) {
        List<String> uids = new ArrayList<>();
        for (String value : values) {
            for (String uid : value.split("[,\\\\]", -1)) {
                uids.add(uid.strip());
            }
        }
        return uids;
    }

    private static List<Integer> uniqueKeyOf(Level level) {
        return switch (level) {
            case STUDY -> List.of(Tag.StudyInstanceUID);
            case SERIES -> List.of(Tag.StudyInstanceUID, Tag.SeriesInstanceUID);
            case IMAGE -> List.of(Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID);
        };
    }

    private static List<String> commaSeparated(List<String> values) {
        List<String> fields = new ArrayList<>();
        for (String value : values) {
            for (String field : value.split(",")) {
                if (!field.isBlank()) {
                    fields.add(field.strip());
                }
            }
        }
        return fields;
    }

    private static boolean bool(Map<String, List<String>> query, String name) {
        String value = single(query, name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new GatewayException(ProblemType.MALFORMED_REQUEST, name + ": expected true or false, got '"
                    + value + "'");
        };
    }

    private static long number(Map<String, List<String>> query, String name, long absent, long min) {
        String value = single(query, name);
        if (value == null) {
            return absent;
        }
        if (value.matches("\\d{1,18}") && Long.parseLong(value) >= min) {
            return Long.parseLong(value);
        }
        throw new GatewayException(ProblemType.MALFORMED_REQUEST, name + ": expected an integer of at least " + min
                + ", got '" + value + "'");
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST, name + ": given " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0).strip();
    }
}
