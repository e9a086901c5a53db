package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.dict.ElementDictionary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The instances of an archive as the patient / study / series / instance tree of PS3.4 C.6, with
 * the UIDs of each level for look-ups. Thread-safe: one read-write lock guards the whole tree, so
 * finds and retrieves of concurrent associations read together while a C-STORE adds alone; no
 * reader holds the lock while it talks to the network.
 */
final class ArchiveIndex {

    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entity> patients = new LinkedHashMap<>();
    private final Map<String, Entity> studies = new HashMap<>();
    private final Map<String, Entity> series = new HashMap<>();
    private final Map<String, Entity> instances = new HashMap<>();

    /** Why a data set cannot be indexed (a UID it needs is missing), or null when it can. */
    static String unindexable(Attributes dataSet) {
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID, Tag.SOPClassUID}) {
            String value = dataSet.getString(tag);
            if (value == null || value.isEmpty()) {
                return "no " + DICTIONARY.keywordOf(tag);
            }
        }
        return null;
    }

    /**
     * Adds an instance (one that is {@link #unindexable} not), or replaces the one with its SOP
     * Instance UID. A study or series already known keeps the patient or study it was first seen with.
     */
    void add(Path file, Attributes dataSet, String transferSyntax) {
        String uid = dataSet.getString(Tag.SOPInstanceUID);
        lock.writeLock().lock();
        try {
            Entity known = instances.get(uid);
            if (known != null) {
                remove(known);
            }
            Entity study = studies.get(dataSet.getString(Tag.StudyInstanceUID));
            if (study == null) {
                Entity patient = patients.computeIfAbsent(patientKey(dataSet),
                        key -> new Entity(QueryRetrieveLevel.PATIENT, key, null, dataSet));
                study = child(studies, patient, QueryRetrieveLevel.STUDY, dataSet);
            }
            Entity seriesEntity = child(series, study, QueryRetrieveLevel.SERIES, dataSet);
            Entity instance = child(instances, seriesEntity, QueryRetrieveLevel.IMAGE, dataSet);
            instance.file(file);
            instance.attributes().setString(Tag.AvailableTransferSyntaxUID, VR.UI, transferSyntax);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Patient ID is the unique key of the PATIENT level (PS3.4 C.6.1.1.2); the Issuer of Patient ID is not part of it. */
    private static String patientKey(Attributes instance) {
        String id = instance.getString(Tag.PatientID);
        return id == null ? "" : id;
    }

    private static Entity child(Map<String, Entity> byUid, Entity parent, QueryRetrieveLevel level, Attributes instance) {
        String uid = instance.getString(level.uniqueKey());
        return byUid.computeIfAbsent(uid, key -> {
            Entity entity = new Entity(level, key, parent, instance);
            parent.addChild(entity);
            return entity;
        });
    }

    /** Takes an instance out, and every ancestor it leaves empty. */
    private void remove(Entity instance) {
        for (Entity entity = instance; entity != null; entity = entity.parent()) {
            byLevel(entity.level()).remove(entity.key());
            Entity parent = entity.parent();
            if (parent != null) {
                parent.removeChild(entity);
                if (!parent.children().isEmpty()) {
                    return;
                }
            }
        }
    }

    private Map<String, Entity> byLevel(QueryRetrieveLevel level) {
        return switch (level) {
            case PATIENT -> patients;
            case STUDY -> studies;
            case SERIES -> series;
            case IMAGE -> instances;
        };
    }

    /** The entities of the query's level that it matches, in the order they were indexed. */
    List<Entity> select(Query query) {
        List<Entity> selected = new ArrayList<>();
        lock.readLock().lock();
        try {
            select(patients.values(), query, selected);
        } finally {
            lock.readLock().unlock();
        }
        return selected;
    }

    private static void select(Collection<Entity> entities, Query query, List<Entity> selected) {
        for (Entity entity : entities) {
            if (query.matches(entity)) {
                if (entity.level() == query.level()) {
                    selected.add(entity);
                } else {
                    select(entity.children(), query, selected);
                }
            }
        }
    }

    /** The files of every instance the query's entities hold. */
    List<Path> files(Query query) {
        List<Path> files = new ArrayList<>();
        lock.readLock().lock();
        try {
            List<Entity> selected = new ArrayList<>();
            select(patients.values(), query, selected);
            selected.forEach(entity -> collectFiles(entity, files));
        } finally {
            lock.readLock().unlock();
        }
        return files;
    }

    private static void collectFiles(Entity entity, List<Path> files) {
        if (entity.level() == QueryRetrieveLevel.IMAGE) {
            files.add(entity.file());
        } else {
            entity.children().forEach(child -> collectFiles(child, files));
        }
    }

    /** Runs {@code reading} on an entity under the read lock, so that a C-STORE cannot change it meanwhile. */
    <T> T read(Entity entity, Function<Entity, T> reading) {
        lock.readLock().lock();
        try {
            return reading.apply(entity);
        } finally {
            lock.readLock().unlock();
        }
    }

    DirectoryArchive.Size size() {
        lock.readLock().lock();
        try {
            return new DirectoryArchive.Size(patients.size(), studies.size(), series.size(), instances.size());
        } finally {
            lock.readLock().unlock();
        }
    }
}
