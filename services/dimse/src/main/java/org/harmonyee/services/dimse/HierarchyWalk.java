package org.harmonyee.services.dimse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.core.envelope.Json;
import org.harmonyee.core.envelope.Result;
import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.TagUtils;
import org.harmonyee.dicom.net.archive.QueryRetrieveLevel;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.uid.UID;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A relational C-FIND answered by hierarchical ones. The backend never negotiates relational
 * queries, so a PACS must refuse an identifier whose levels above its Query/Retrieve Level lack a
 * single unique key (PS3.4 C.4.1.2.1: "all patients' CT series" names no study). Such a query is
 * walked down the model instead: one C-FIND at the top level with the keys of that level, then,
 * for each match, one at the next level fixed to that match's unique key, down to the level asked
 * for. Each answer at that level is merged with the matches above it, so it carries every key the
 * caller asked for. Matches stream as they come; one association per level is open at a time.
 */
final class HierarchyWalk implements MatchSource {

    private static final String LEVEL_TAG = TagUtils.toHex(Tag.QueryRetrieveLevel);
    private static final String CHARACTER_SET_TAG = TagUtils.toHex(Tag.SpecificCharacterSet);
    private static final List<QueryRetrieveLevel> PATIENT_ROOT = List.of(QueryRetrieveLevel.PATIENT,
            QueryRetrieveLevel.STUDY, QueryRetrieveLevel.SERIES, QueryRetrieveLevel.IMAGE);
    private static final Map<String, List<QueryRetrieveLevel>> LEVELS_OF_MODEL = Map.of(
            UID.PatientRootQueryRetrieveInformationModelFind, PATIENT_ROOT,
            UID.StudyRootQueryRetrieveInformationModelFind, PATIENT_ROOT.subList(1, 4),
            UID.PatientStudyOnlyQueryRetrieveInformationModelFind, PATIENT_ROOT.subList(0, 2));

    /** A level being queried: its running C-FIND and the merged matches above it. */
    private record Step(int depth, FindSource source, ObjectNode above) {
    }

    private final ScuOperations operations;
    private final String exchangeId;
    private final String model;
    private final Priority priority;
    private final List<QueryRetrieveLevel> levels;
    private final Map<QueryRetrieveLevel, ObjectNode> keys;
    private Map<String, String> report = new HashMap<>();
    private final Deque<Step> steps = new ArrayDeque<>();

    private HierarchyWalk(ScuOperations operations, String exchangeId, String model, Priority priority,
                          List<QueryRetrieveLevel> levels, Map<QueryRetrieveLevel, ObjectNode> keys) {
        this.operations = operations;
        this.exchangeId = exchangeId;
        this.model = model;
        this.priority = priority;
        this.levels = levels;
        this.keys = keys;
    }

    /**
     * The matches of a C-FIND at {@code level} (as {@link Identifiers#level} read it): the PACS's own when the identifier is hierarchical (or its model or
     * level is not one this walk knows: the PACS then judges it), else the walk's; close what is
     * returned.
     */
    static MatchSource find(ScuOperations operations, String exchangeId, String model, String level,
                            Attributes identifier, Priority priority) {
        List<QueryRetrieveLevel> levels = LEVELS_OF_MODEL.getOrDefault(model, List.of());
        int target = levels.indexOf(QueryRetrieveLevel.valueOf(level));
        if (target <= 0 || isHierarchical(identifier, levels.subList(0, target))) {
            return operations.find(exchangeId, model, identifier, priority);
        }
        List<QueryRetrieveLevel> walked = levels.subList(0, target + 1);
        HierarchyWalk walk = new HierarchyWalk(operations, exchangeId, model, priority, walked,
                keysByLevel(Identifiers.write(identifier), walked));
        walk.descend(Json.MAPPER.createObjectNode());
        return walk;
    }

    /** Whether every level above the query's has exactly one unique key, without wildcards. */
    private static boolean isHierarchical(Attributes identifier, List<QueryRetrieveLevel> above) {
        for (QueryRetrieveLevel level : above) {
            String[] values = identifier.getStrings(level.uniqueKey());
            if (values.length != 1 || values[0].isBlank() || values[0].indexOf('*') >= 0
                    || values[0].indexOf('?') >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The identifier's keys by the level that queries them: each at the level of the entity it
     * describes (a patient's at the model's top), anything else at the level asked for. Every
     * level asks for its unique key; the character set goes to all.
     */
    private static Map<QueryRetrieveLevel, ObjectNode> keysByLevel(JsonNode identifier, List<QueryRetrieveLevel> levels) {
        Map<QueryRetrieveLevel, ObjectNode> keys = new EnumMap<>(QueryRetrieveLevel.class);
        levels.forEach(level -> keys.put(level, Json.MAPPER.createObjectNode()));
        QueryRetrieveLevel top = levels.get(0);
        QueryRetrieveLevel target = levels.get(levels.size() - 1);
        for (Iterator<Map.Entry<String, JsonNode>> it = identifier.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> key = it.next();
            if (key.getKey().equals(LEVEL_TAG)) {
                continue;
            }
            if (key.getKey().equals(CHARACTER_SET_TAG)) {
                keys.values().forEach(level -> level.set(CHARACTER_SET_TAG, key.getValue()));
                continue;
            }
            QueryRetrieveLevel home = QueryRetrieveLevel.describing(Integer.parseUnsignedInt(key.getKey(), 16));
            QueryRetrieveLevel at = home == null || home.isBelow(target) ? target : home.isBelow(top) ? home : top;
            keys.get(at).set(key.getKey(), key.getValue());
        }
        for (QueryRetrieveLevel level : levels) {
            String unique = TagUtils.toHex(level.uniqueKey());
            if (!keys.get(level).has(unique)) {
                keys.get(level).set(unique, Json.MAPPER.createObjectNode().put("vr", "UI"));
            }
            keys.get(level).set(LEVEL_TAG, Json.MAPPER.createObjectNode().put("vr", "CS")
                    .set("Value", Json.MAPPER.createArrayNode().add(level.name())));
        }
        return keys;
    }

    /** Starts the C-FIND of the level below {@code above}'s, fixed to the unique keys it holds. */
    private void descend(ObjectNode above) {
        int depth = steps.size();
        QueryRetrieveLevel level = levels.get(depth);
        ObjectNode query = keys.get(level).deepCopy();
        for (QueryRetrieveLevel parent : levels.subList(0, depth)) {
            String unique = TagUtils.toHex(parent.uniqueKey());
            query.set(unique, above.get(unique));
        }
        FindSource source = operations.find(exchangeId, model, Identifiers.read(query), priority).reportTo(report);
        steps.push(new Step(depth, source, above));
    }

    @Override
    public HierarchyWalk reportTo(Map<String, String> responseMetadata) {
        report = responseMetadata;
        steps.forEach(step -> step.source().reportTo(responseMetadata));
        return this;
    }

    @Override
    public Optional<Result> next() {
        try {
            return nextMatch();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Optional<Result> nextMatch() {
        while (!steps.isEmpty()) {
            Step step = steps.peek();
            Optional<Result> match = step.source().next();
            if (match.isEmpty()) {
                steps.pop().source().close();
                continue;
            }
            ObjectNode merged = step.above().deepCopy();
            merged.setAll((ObjectNode) match.get().json());
            if (step.depth() == levels.size() - 1) {
                return Optional.of(Result.json(merged.set(LEVEL_TAG, keys.get(levels.get(step.depth())).get(LEVEL_TAG))));
            }
            if (hasUniqueKey(merged, levels.get(step.depth()))) {
                descend(merged);
            }
        }
        return Optional.empty();
    }

    /** A match without its own unique key cannot be walked into (the PACS answered badly). */
    private static boolean hasUniqueKey(ObjectNode match, QueryRetrieveLevel level) {
        JsonNode value = match.path(TagUtils.toHex(level.uniqueKey())).path("Value").path(0);
        return value.isTextual() && !value.asText().isBlank();
    }

    @Override
    public void close() {
        List<Step> open = new ArrayList<>(steps);
        steps.clear();
        open.forEach(step -> step.source().close());
    }
}
