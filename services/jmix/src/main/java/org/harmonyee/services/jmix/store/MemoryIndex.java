package org.harmonyee.services.jmix.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index kept in memory, rebuilt from the store's zips whenever the store opens
 * ({@link PackageStore#open}): what a store uses when the host gives it no persistent index.
 */
public final class MemoryIndex implements PackageIndex {

    private final Map<String, StoredPackage> byId = new ConcurrentHashMap<>();

    @Override
    public void add(StoredPackage stored) {
        byId.put(stored.id(), stored);
    }

    @Override
    public Optional<StoredPackage> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<StoredPackage> byStudy(String studyInstanceUid) {
        return byId.values().stream().filter(p -> studyInstanceUid.equals(p.studyInstanceUid()))
                .max(Comparator.comparing(StoredPackage::createdAt).thenComparing(StoredPackage::id));
    }

    @Override
    public Collection<StoredPackage> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public void remove(String id) {
        byId.remove(id);
    }
}
