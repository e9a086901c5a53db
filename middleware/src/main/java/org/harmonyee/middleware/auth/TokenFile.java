package org.harmonyee.middleware.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A pre-shared token kept in a file: read at startup, and again whenever the file's modification
 * time or size changes, so a rotated token works without a restart.
 */
final class TokenFile {

    private final Path file;
    private volatile Snapshot current;

    private record Snapshot(FileTime modified, long size, String token) {
    }

    TokenFile(Path file) {
        this.file = file;
        this.current = read();
    }

    /** The trimmed token as the file holds it now. */
    String token() {
        Snapshot snapshot = current;
        try {
            if (!Files.getLastModifiedTime(file).equals(snapshot.modified()) || Files.size(file) != snapshot.size()) {
                snapshot = read();
                current = snapshot;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the token file " + file + " cannot be read", e);
        }
        return snapshot.token();
    }

    private Snapshot read() {
        try {
            return new Snapshot(Files.getLastModifiedTime(file), Files.size(file),
                    Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the token file " + file + " cannot be read", e);
        }
    }
}
