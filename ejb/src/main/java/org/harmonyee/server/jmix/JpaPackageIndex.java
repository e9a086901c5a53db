package org.harmonyee.server.jmix;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.harmonyee.services.jmix.store.PackageIndex;
import org.harmonyee.services.jmix.store.StoredPackage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The package index in the server's database: each call one short transaction on table
 * {@code JMIX_PACKAGE}, the store's file I/O staying outside it (the store commits a zip, then
 * calls {@link #add}; it removes the row, then the zip).
 */
@Stateless
public class JpaPackageIndex implements PackageIndex {

    @PersistenceContext(unitName = "harmony")
    EntityManager entities;

    @Override
    public void add(Path store, StoredPackage stored) {
        entities.merge(new IndexedPackage(store, stored));
    }

    @Override
    public Optional<StoredPackage> byId(Path store, String id) {
        return Optional.ofNullable(entities.find(IndexedPackage.class, new IndexedPackage.Key(store, id)))
                .map(IndexedPackage::toStoredPackage);
    }

    @Override
    public Optional<StoredPackage> byStudy(Path store, String studyInstanceUid) {
        return entities.createQuery("SELECT p FROM IndexedPackage p WHERE p.store = :store"
                        + " AND p.studyInstanceUid = :study ORDER BY p.createdEpochMs DESC, p.packageId DESC", IndexedPackage.class)
                .setParameter("store", store.toString()).setParameter("study", studyInstanceUid)
                .setMaxResults(1).getResultStream().findFirst().map(IndexedPackage::toStoredPackage);
    }

    @Override
    public List<StoredPackage> all(Path store) {
        return entities.createQuery("SELECT p FROM IndexedPackage p WHERE p.store = :store", IndexedPackage.class)
                .setParameter("store", store.toString()).getResultStream().map(IndexedPackage::toStoredPackage).toList();
    }

    @Override
    public void remove(Path store, String id) {
        entities.createQuery("DELETE FROM IndexedPackage p WHERE p.store = :store AND p.packageId = :id")
                .setParameter("store", store.toString()).setParameter("id", id).executeUpdate();
    }
}
