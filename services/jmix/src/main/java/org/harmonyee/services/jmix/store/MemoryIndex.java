package org.harmonyee.services.jmix.store;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index kept in memory, when the host offers no persistent one (a test, a gateway assembled
 * outside a server): lost with the process, and rebuilt from each store's zips when the store opens
 * ({@link PackageStore#open}).
 */
public final class MemoryIndex implements PackageIndex {

    private final Map<Path, Map<String, StoredPackage>> stores = new ConcurrentHashMap<>();

    private Map<String, StoredPackage> of(Path store) {
        return stores.computeIfAbsent(store, key -> new ConcurrentHashMap<>());
    }

    @Override
    public void add(Path store, StoredPackage stored) {
        of(store).put(stored.id(), stored);
    }

    @Override
    public Optional<StoredPackage> byId(Path store, String id) {
        return Optional.ofNullable(of(store).get(id));
    }

    @Override
    public Optional<StoredPackage> byStudy(Path store, String studyInstanceUid) {
        return of(store).values().stream().filter(p -> studyInstanceUid.equals(p.studyInstanceUid()))
                .max(Comparator.comparing(StoredPackage::createdAt).thenComparing(StoredPackage::id));
    }

    @Override
    public List<StoredPackage> all(Path store) {
        return List.copyOf(of(store).values());
    }

    @Override
    public void remove(Path store, String id) {
        of(store).remove(id);
    }
}
