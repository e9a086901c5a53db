package org.harmonyee.services.jmix.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Package id and StudyInstanceUID to package, for every store at once: each entry belongs to the
 * store ({@code store_dir}) whose folder holds its zip, and every question names that folder. The
 * store calls {@link #add} only after the package's zip is in place, so an entry always names a
 * whole package. Implementations are thread-safe: {@link MemoryIndex}, or the host's persistent
 * index (handed over as a host service of this type; on an application server a JPA table).
 */
public interface PackageIndex {

    /** Indexes a package of {@code store}; replaces an entry of the same store and id. */
    void add(Path store, StoredPackage stored);

    Optional<StoredPackage> byId(Path store, String id);

    /** The newest package of the study in {@code store}. */
    Optional<StoredPackage> byStudy(Path store, String studyInstanceUid);

    /** Every package of {@code store}, for retention and recovery. */
    List<StoredPackage> all(Path store);

    void remove(Path store, String id);
}
