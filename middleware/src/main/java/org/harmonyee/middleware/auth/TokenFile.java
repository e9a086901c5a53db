package org.harmonyee.middleware.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A pre-shared token kept in a file: read at startup, and again whenever the file's modification
 * time or size changes, so a rotated token works without a restart. A file that does not exist
 * (yet, or any more) holds no token: every bearer token is refused until it appears.
 */
final class TokenFile {

    private static final Snapshot ABSENT = new Snapshot(null, -1, "");

    private final Path file;
    private volatile Snapshot current;

    private record Snapshot(FileTime modified, long size, String token) {
    }

    TokenFile(Path file) {
        this.file = file;
        this.current = read();
    }

    /** Whether the file existed when it was last looked at. */
    boolean present() {
        return current != ABSENT;
    }

    /** The trimmed token as the file holds it now; empty when there is no file. */
    String token() {
        Snapshot snapshot = current;
        try {
            if (!Files.exists(file)) {
                snapshot = ABSENT;
            } else if (snapshot == ABSENT || !Files.getLastModifiedTime(file).equals(snapshot.modified())
                    || Files.size(file) != snapshot.size()) {
                snapshot = read();
            }
        } catch (NoSuchFileException e) {
            snapshot = ABSENT;
        } catch (IOException e) {
            throw new UncheckedIOException("the token file " + file + " cannot be read", e);
        }
        current = snapshot;
        return snapshot.token();
    }

    private Snapshot read() {
        try {
            return new Snapshot(Files.getLastModifiedTime(file), Files.size(file),
                    Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            throw new UncheckedIOException("the token file " + file + " cannot be read", e);
        }
    }
}
