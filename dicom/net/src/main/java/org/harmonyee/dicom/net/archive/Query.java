package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.dict.ElementDictionary;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A C-FIND, C-GET or C-MOVE identifier checked against the hierarchical rules of PS3.4 C.4.1.2.1
 * and C.4.2.2.1 (no relational queries are negotiated), with its matching keys by the level of the
 * entity they describe. Every violation is A900 (identifier does not match SOP class) with an
 * ErrorComment naming the attribute:
 * <ul>
 * <li>Query/Retrieve Level missing, unknown, or not a level of the model;</li>
 * <li>a key of a level below the Query/Retrieve Level;</li>
 * <li>the unique key of a level above the Query/Retrieve Level without exactly one value
 * (C-GET/C-MOVE also at the level itself, where a list of UIDs is allowed; no wildcards).</li>
 * </ul>
 * C-GET and C-MOVE select by unique keys only: their other keys are ignored.
 */
final class Query {

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();

    private final InformationModel model;
    private final QueryRetrieveLevel level;
    private final Map<QueryRetrieveLevel, List<KeyMatcher>> keys;
    private final Attributes identifier;

    private Query(InformationModel model, QueryRetrieveLevel level, Map<QueryRetrieveLevel, List<KeyMatcher>> keys,
                  Attributes identifier) {
        this.model = model;
        this.level = level;
        this.keys = keys;
        this.identifier = identifier;
    }

    static Query find(InformationModel model, Attributes identifier) throws DimseException {
        QueryRetrieveLevel level = model.level(strip(identifier.getString(Tag.QueryRetrieveLevel)));
        Map<QueryRetrieveLevel, List<KeyMatcher>> keys = new EnumMap<>(QueryRetrieveLevel.class);
        for (DicomElement element : identifier) {
            QueryRetrieveLevel home = IndexedAttributes.home(element.tag());
            if (home == null) {
                continue;
            }
            if (model.queryLevelOf(home).isBelow(level)) {
                throw invalid(element.tag(), "is below the " + level + " level");
            }
            if (element.vr() != VR.SQ && !IndexedAttributes.isReturnOnly(element.tag())) {
                keys.computeIfAbsent(home, h -> new ArrayList<>())
                        .add(KeyMatcher.of(element.tag(), element.vr(), identifier.getStrings(element.tag())));
            }
        }
        for (QueryRetrieveLevel above = model.top(); level.isBelow(above); above = next(above)) {
            singleValue(identifier, above.uniqueKey(), level);
        }
        return new Query(model, level, keys, identifier);
    }

    static Query retrieve(InformationModel model, Attributes identifier) throws DimseException {
        QueryRetrieveLevel level = model.level(strip(identifier.getString(Tag.QueryRetrieveLevel)));
        Map<QueryRetrieveLevel, List<KeyMatcher>> keys = new EnumMap<>(QueryRetrieveLevel.class);
        for (QueryRetrieveLevel each : QueryRetrieveLevel.values()) {
            int tag = each.uniqueKey();
            if (each.isBelow(level)) {
                if (identifier.contains(tag) && !identifier.get(tag).isEmpty()) {
                    throw invalid(tag, "is below the " + level + " level");
                }
            } else if (model.hasLevel(each)) {
                String[] values = each == level ? present(identifier, tag, level) : singleValue(identifier, tag, level);
                keys.put(each, List.of(KeyMatcher.of(tag, identifier.get(tag).vr(), values)));
            }
        }
        return new Query(model, level, keys, identifier);
    }

    private static QueryRetrieveLevel next(QueryRetrieveLevel level) {
        return QueryRetrieveLevel.values()[level.ordinal() + 1];
    }

    private static String[] singleValue(Attributes identifier, int tag, QueryRetrieveLevel level) throws DimseException {
        String[] values = identifier.getStrings(tag);
        if (values.length != 1 || values[0].isEmpty() || hasWildcard(values[0])) {
            throw invalid(tag, "needs one value at " + level + " level");
        }
        return values;
    }

    private static String[] present(Attributes identifier, int tag, QueryRetrieveLevel level) throws DimseException {
        String[] values = identifier.getStrings(tag);
        if (values.length == 0 || values[0].isEmpty()) {
            throw invalid(tag, "missing at " + level + " level");
        }
        for (String value : values) {
            if (hasWildcard(value)) {
                throw invalid(tag, "no wildcards in a retrieve");
            }
        }
        return values;
    }

    private static boolean hasWildcard(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    private static DimseException invalid(int tag, String problem) {
        String keyword = DICTIONARY.keywordOf(tag);
        return new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                (keyword == null ? "" : keyword + " ") + TagUtils.toString(tag) + " " + problem);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    InformationModel model() {
        return model;
    }

    QueryRetrieveLevel level() {
        return level;
    }

    /** The identifier as received: its elements are the return keys. */
    Attributes identifier() {
        return identifier;
    }

    /** Whether an entity passes the keys of its own level. */
    boolean matches(Entity entity) {
        for (KeyMatcher key : keys.getOrDefault(entity.level(), List.of())) {
            if (!key.matches(entity.strings(key.tag()))) {
                return false;
            }
        }
        return true;
    }
}
