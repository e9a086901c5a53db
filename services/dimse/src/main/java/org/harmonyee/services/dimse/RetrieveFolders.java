package org.harmonyee.services.dimse;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where an HTTP-door C-GET writes its instances, as the Rust Harmony does:
 * {@code <storage path>/dimse/<folder id>/<SOP Instance UID>.dcm}, one new folder per request.
 * The folder of a failed retrieve is removed; a successful one is the caller's (a later middleware
 * packages or deletes it).
 */
final class RetrieveFolders {

    private static final System.Logger LOG = System.getLogger(RetrieveFolders.class.getName());

    /** One request's folder. */
    record Folder(String id, Path path) {
    }

    private final Path root;

    /** @param storagePath the gateway's {@code [storage] options.path} */
    RetrieveFolders(Path storagePath) {
        this.root = storagePath.resolve("dimse");
    }

    Folder create(String exchangeId) {
        String id = UUID.randomUUID().toString();
        Path path = root.resolve(id).toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> exchangeId + ": cannot create " + path + ": " + e.getMessage());
            throw new GatewayException(ProblemType.INTERNAL, "the gateway cannot create the folder for the retrieved"
                    + " instances", e);
        }
        return new Folder(id, path);
    }

    /** The instances written: the folder's {@code .dcm} files. */
    int count(Folder folder) {
        try (Stream<Path> files = Files.list(folder.path())) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".dcm")).count();
        } catch (IOException e) {
            throw new GatewayException(ProblemType.INTERNAL, "the gateway cannot list the retrieved instances", e);
        }
    }

    void delete(String exchangeId, Folder folder) {
        try (Stream<Path> walk = Files.walk(folder.path())) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> exchangeId + ": cannot remove " + folder.path() + ", the folder of a failed"
                    + " retrieve: " + e.getMessage());
        }
    }
}
