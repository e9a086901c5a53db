package org.harmonyee.server.jmix;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.harmonyee.services.jmix.store.StoredPackage;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the package index: a package of one store. Keyed by the store's folder and the
 * package id, since an uploaded package keeps its id and may be stored in two stores. The zip is
 * named relative to the store; the time is milliseconds since the epoch (Jakarta Persistence 3.1
 * maps no {@link Instant}).
 */
@Entity
@IdClass(IndexedPackage.Key.class)
@Table(name = "JMIX_PACKAGE", indexes = @Index(name = "JMIX_PACKAGE_STUDY", columnList = "STORE_DIR, STUDY_INSTANCE_UID"))
public class IndexedPackage {

    @Id
    @Column(name = "STORE_DIR", length = 1024)
    private String store;

    @Id
    @Column(name = "PACKAGE_ID", length = 36)
    private String packageId;

    @Column(name = "STUDY_INSTANCE_UID", length = 64)
    private String studyInstanceUid;

    @Column(name = "FILE_NAME", length = 255, nullable = false)
    private String fileName;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long sizeBytes;

    @Column(name = "CREATED_EPOCH_MS", nullable = false)
    private long createdEpochMs;

    /** For the persistence provider. */
    protected IndexedPackage() {
    }

    IndexedPackage(Path store, StoredPackage stored) {
        this.store = store.toString();
        this.packageId = stored.id();
        this.studyInstanceUid = stored.studyInstanceUid();
        this.fileName = store.relativize(stored.file()).toString();
        this.sizeBytes = stored.sizeBytes();
        this.createdEpochMs = stored.createdAt().toEpochMilli();
    }

    StoredPackage toStoredPackage() {
        Path folder = Path.of(store);
        return new StoredPackage(packageId, studyInstanceUid, folder.resolve(fileName), sizeBytes,
                Instant.ofEpochMilli(createdEpochMs));
    }

    /** The primary key: the store's folder and the package id. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String store;
        private String packageId;

        /** For the persistence provider. */
        public Key() {
        }

        Key(Path store, String packageId) {
            this.store = store.toString();
            this.packageId = packageId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.store.equals(store) && key.packageId.equals(packageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(store, packageId);
        }
    }
}
