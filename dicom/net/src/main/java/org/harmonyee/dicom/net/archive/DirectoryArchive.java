package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.CFindScp;
import org.harmonyee.dicom.net.service.CStoreScp;
import org.harmonyee.dicom.net.service.RetrieveScp;
import org.harmonyee.dicom.net.service.ScpContext;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Query/Retrieve archive over a folder: {@link #open} indexes every PS3.10 file below it (up to
 * Pixel Data; other files are skipped with one log line each), and the archive then serves C-FIND
 * (Patient Root and Study Root, PS3.4 C.6.1 and C.6.2, the matching of {@link KeyMatcher}), C-GET
 * and C-MOVE from the index, and C-STORE into the folder and the index. Safe for concurrent
 * associations. Register it for every service:
 * <pre>{@code
 * DirectoryArchive archive = DirectoryArchive.open(dir);
 * QueryRetrieveScp qr = new QueryRetrieveScp(executor).find(archive).get(archive).move(archive, client, aeTable);
 * DimseServiceRouter router = new DimseServiceRouter(qr).store(archive);
 * }</pre>
 */
public final class DirectoryArchive implements CFindScp, RetrieveScp, CStoreScp {

    private static final System.Logger LOG = System.getLogger(DirectoryArchive.class.getName());

    private final Path directory;
    private final ArchiveIndex index = new ArchiveIndex();
    private final CFindScp find = new ArchiveFindScp(index);
    private final RetrieveScp retrieve = new ArchiveRetrieveScp(index);
    private final CStoreScp store;

    private DirectoryArchive(Path directory) {
        this.directory = directory;
        this.store = new ArchiveStorageScp(directory, index);
    }

    /**
     * Indexes {@code directory} and what lies below it (made when missing). Hidden files (the
     * partial files of a C-STORE in progress) are passed over.
     *
     * @throws IOException the folder cannot be made or walked
     */
    public static DirectoryArchive open(Path directory) throws IOException {
        DirectoryArchive archive = new DirectoryArchive(directory.toAbsolutePath().normalize());
        Files.createDirectories(archive.directory);
        long start = System.nanoTime();
        try (Stream<Path> files = Files.walk(archive.directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                if (!file.getFileName().toString().startsWith(".")) {
                    archive.index(file);
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.log(Level.INFO, () -> archive + ": indexed " + archive.index.size() + " in " + millis + " ms");
        return archive;
    }

    private void index(Path file) {
        try {
            InstanceHeader header = InstanceHeader.read(file);
            String problem = ArchiveIndex.unindexable(header.dataSet());
            if (problem != null) {
                LOG.log(Level.INFO, () -> this + ": skipped " + directory.relativize(file) + ": " + problem);
                return;
            }
            index.add(file, header.dataSet(), header.transferSyntax());
        } catch (IOException e) {
            LOG.log(Level.INFO, () -> this + ": skipped " + directory.relativize(file) + ": " + e.getMessage());
        }
    }

    public Path directory() {
        return directory;
    }

    /** How many patients, studies, series and instances the index holds now. */
    public Size size() {
        return index.size();
    }

    /** The counts of the index. */
    public record Size(int patients, int studies, int series, int instances) {
        @Override
        public String toString() {
            return instances + " instances (" + patients + " patients, " + studies + " studies, " + series + " series)";
        }
    }

    @Override
    public void find(ScpContext context, Attributes identifier, Matches matches) throws DimseException, IOException {
        find.find(context, identifier, matches);
    }

    @Override
    public List<Path> retrieve(ScpContext context, Attributes identifier) throws DimseException {
        return retrieve.retrieve(context, identifier);
    }

    @Override
    public int store(ScpContext context, InputStream dataSet) throws DimseException, IOException {
        return store.store(context, dataSet);
    }

    /** For log lines: {@code archive /data/dicom}. */
    @Override
    public String toString() {
        return "archive " + directory;
    }
}
