package org.harmonyee.services.jmix.store;

import org.harmonyee.services.jmix.format.PackageContents;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The packages of one {@code store_dir}: {@code <id>.zip} each. A package is written to a
 * temporary file in the same folder ({@link #temporary()}) and moved to its name in one atomic
 * step ({@link #commit}); opening the store deletes the temporary files a crash left, removes the
 * index entries whose zip is gone and indexes the zips the index does not know, then applies the
 * {@link Retention}, as every commit does.
 */
public final class PackageStore {

    private static final System.Logger LOG = System.getLogger(PackageStore.class.getName());
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final String ZIP = ".zip";

    private final Path directory;
    private final PackageIndex index;
    private final Clock clock;
    private final Retention retention;

    private PackageStore(Path directory, PackageIndex index, Clock clock, Retention retention) {
        this.directory = directory;
        this.index = index;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * @throws IOException when the folder cannot be made or read
     */
    public static PackageStore open(Path directory, PackageIndex index, Clock clock, Retention retention)
            throws IOException {
        Files.createDirectories(directory);
        PackageStore store = new PackageStore(directory, index, clock, retention);
        store.recover();
        store.applyRetention(null);
        return store;
    }

    public Path directory() {
        return directory;
    }

    /** The package, if it is indexed and its zip is there. */
    public Optional<StoredPackage> byId(String id) {
        return index.byId(directory, id).filter(stored -> Files.isRegularFile(stored.file()));
    }

    /** The newest package of the study whose zip is there. */
    public Optional<StoredPackage> byStudy(String studyInstanceUid) {
        return index.byStudy(directory, studyInstanceUid).filter(stored -> Files.isRegularFile(stored.file()));
    }

    /** A new temporary file in the store, for a package being written; {@link #commit} or delete it. */
    public Path temporary() throws IOException {
        return Files.createFile(directory.resolve("." + UUID.randomUUID() + TEMPORARY_SUFFIX));
    }

    /**
     * Moves a written package into place and indexes it.
     *
     * @throws FileAlreadyExistsException when a package of that id is already stored
     */
    public synchronized StoredPackage commit(Path temporary, String id, String studyInstanceUid) throws IOException {
        Path target = file(id);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        StoredPackage stored = new StoredPackage(id, studyInstanceUid, target, Files.size(target), clock.instant());
        index.add(directory, stored);
        applyRetention(id);
        return stored;
    }

    /** Deletes a temporary file that was not committed (null or already moved: nothing to do). */
    public void discard(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "JMIX store " + directory + ": " + temporary.getFileName()
                    + " cannot be deleted (it goes when the store next opens): " + e.getMessage());
        }
    }

    /** Removes what the retention no longer keeps, oldest first; never {@code keep}, the package just stored. */
    private synchronized void applyRetention(String keep) {
        List<StoredPackage> oldestFirst = index.all(directory).stream().sorted(Comparator.comparing(StoredPackage::createdAt)).toList();
        Instant oldestKept = retention.maxAge() == null ? Instant.MIN : clock.instant().minus(retention.maxAge());
        long total = oldestFirst.stream().mapToLong(StoredPackage::sizeBytes).sum();
        for (StoredPackage stored : oldestFirst) {
            boolean tooOld = stored.createdAt().isBefore(oldestKept);
            boolean tooMuch = retention.maxBytes() > 0 && total > retention.maxBytes();
            if ((tooOld || tooMuch) && !stored.id().equals(keep)) {
                remove(stored, tooOld ? "older than max_age" : "over max_bytes");
                total -= stored.sizeBytes();
            }
        }
    }

    private void remove(StoredPackage stored, String why) {
        index.remove(directory, stored.id());
        try {
            Files.deleteIfExists(stored.file());
            LOG.log(System.Logger.Level.INFO, "JMIX store " + directory + ": removed package " + stored.id() + ", " + why);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "JMIX store " + directory + ": package " + stored.id() + " is no longer"
                    + " indexed but its zip cannot be deleted: " + e.getMessage());
        }
    }

    private Path file(String id) {
        return directory.resolve(id + ZIP);
    }

    private void recover() throws IOException {
        Set<String> indexed = new HashSet<>();
        for (StoredPackage stored : index.all(directory)) {
            if (Files.isRegularFile(stored.file())) {
                indexed.add(stored.id());
            } else {
                index.remove(directory, stored.id());
                LOG.log(System.Logger.Level.INFO, "JMIX store " + directory + ": package " + stored.id()
                        + " is no longer indexed, its zip is gone");
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX)) {
                    Files.deleteIfExists(file);
                    LOG.log(System.Logger.Level.INFO, "JMIX store " + directory + ": deleted " + name + ", a package left half-written");
                } else if (name.endsWith(ZIP) && !indexed.contains(name.substring(0, name.length() - ZIP.length()))) {
                    reindex(file, name.substring(0, name.length() - ZIP.length()));
                }
            }
        }
    }

    private void reindex(Path file, String id) {
        try {
            index.add(directory, new StoredPackage(id, PackageContents.studyInstanceUid(file).orElse(null), file, Files.size(file),
                    Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "JMIX store " + directory + ": " + file.getFileName()
                    + " is not a readable package and stays unindexed: " + e.getMessage());
        }
    }
}
