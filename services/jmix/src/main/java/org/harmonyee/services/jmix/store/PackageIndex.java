package org.harmonyee.services.jmix.store;

import java.util.Collection;
import java.util.Optional;

/**
 * Package id and StudyInstanceUID to package. Implementations are thread-safe. The store calls
 * {@link #add} only after the package's zip is in place, so an entry always names a whole package.
 */
public interface PackageIndex {

    void add(StoredPackage stored);

    Optional<StoredPackage> byId(String id);

    /** The newest package of the study. */
    Optional<StoredPackage> byStudy(String studyInstanceUid);

    /** Every package, for retention. */
    Collection<StoredPackage> all();

    void remove(String id);
}
