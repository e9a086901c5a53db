package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.DicomElement;
import org.harmonyee.dicom.data.Tag;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A patient, study, series or composite instance of the index (the entities of PS3.4 C.6): the
 * {@link IndexedAttributes} of its level, its children by unique key, and for an instance its
 * file. Not thread-safe: {@link ArchiveIndex} guards every entity with its lock.
 */
final class Entity {

    private final QueryRetrieveLevel level;
    private final String key;
    private final Entity parent;
    private final Map<String, Entity> children = new LinkedHashMap<>();
    private final Attributes attributes;
    private Path file;

    Entity(QueryRetrieveLevel level, String key, Entity parent, Attributes instance) {
        this.level = level;
        this.key = key;
        this.parent = parent;
        this.attributes = copy(level, instance);
    }

    /** The attributes of {@code level} from an instance, with its Specific Character Set; values shared, not copied. */
    static Attributes copy(QueryRetrieveLevel level, Attributes instance) {
        Attributes copy = new Attributes();
        DicomElement characterSet = instance.get(Tag.SpecificCharacterSet);
        if (characterSet != null) {
            copy.set(characterSet.tag(), characterSet.vr(), characterSet.value());
        }
        for (int tag : IndexedAttributes.stored(level)) {
            DicomElement element = instance.get(tag);
            if (element != null && element.bytes() != null) {
                copy.set(tag, element.vr(), element.bytes());
            }
        }
        return copy;
    }

    QueryRetrieveLevel level() {
        return level;
    }

    String key() {
        return key;
    }

    Entity parent() {
        return parent;
    }

    Attributes attributes() {
        return attributes;
    }

    Path file() {
        return file;
    }

    Collection<Entity> children() {
        return children.values();
    }

    Entity child(String childKey) {
        return children.get(childKey);
    }

    void addChild(Entity child) {
        children.put(child.key, child);
    }

    void removeChild(Entity child) {
        children.remove(child.key);
    }

    /** The entity of {@code ancestorLevel} this one belongs to (itself at its own level). */
    Entity at(QueryRetrieveLevel ancestorLevel) {
        Entity entity = this;
        while (entity != null && entity.level != ancestorLevel) {
            entity = entity.parent;
        }
        return entity;
    }

    /** How many entities of {@code below} this one holds (1 for its own level). */
    int count(QueryRetrieveLevel below) {
        if (level == below) {
            return 1;
        }
        int count = 0;
        for (Entity child : children.values()) {
            count += child.count(below);
        }
        return count;
    }

    /** The values of a stored attribute, or of Modalities in Study / SOP Classes in Study. */
    String[] strings(int tag) {
        if (tag == Tag.ModalitiesInStudy || tag == Tag.SOPClassesInStudy) {
            Set<String> values = new LinkedHashSet<>();
            collect(tag == Tag.ModalitiesInStudy ? QueryRetrieveLevel.SERIES : QueryRetrieveLevel.IMAGE,
                    tag == Tag.ModalitiesInStudy ? Tag.Modality : Tag.SOPClassUID, values);
            return values.toArray(String[]::new);
        }
        return attributes.getStrings(tag);
    }

    private void collect(QueryRetrieveLevel from, int tag, Set<String> values) {
        if (level == from) {
            for (String value : attributes.getStrings(tag)) {
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
            return;
        }
        for (Entity child : children.values()) {
            child.collect(from, tag, values);
        }
    }

    void file(Path instanceFile) {
        this.file = instanceFile;
    }
}
