package org.harmonyee.core.content;

import org.harmonyee.core.envelope.Body;
import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a body once, within its limit, into a re-readable form: in memory up to 256 KiB, in a
 * temporary spool file above, computing its SHA-256 on the way. The spool file is deleted when
 * the exchange ends ({@link Body#discard()}).
 */
final class Spooler {

    static final int IN_MEMORY = 256 * 1024;

    private final Path directory;

    Spooler(Path directory) {
        this.directory = directory;
    }

    /** The spooled body with its size and SHA-256 (lower-case hex). */
    record Spooled(Body body, long size, String sha256) {
    }

    Spooled spool(Body body, long limit) {
        Body limited = BodyLimit.apply(body, limit);
        MessageDigest digest = sha256();
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        Path file = null;
        OutputStream out = memory;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = limited.open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
                if (file == null && size > IN_MEMORY) {
                    file = createFile();
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, n);
            }
            out.close();
        } catch (IOException e) {
            closeAndDelete(out, file);
            GatewayException problem = BodyLimit.unwrap(e);
            throw problem != null ? problem : new GatewayException(ProblemType.MALFORMED_REQUEST,
                    "the body could not be read: " + e.getMessage(), e);
        }
        Body spooled = file == null ? Body.of(memory.toByteArray()) : Body.spooled(file, size);
        return new Spooled(spooled, size, HexFormat.of().formatHex(digest.digest()));
    }

    private Path createFile() throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "body-", ".spool");
    }

    private static void closeAndDelete(OutputStream out, Path file) {
        try {
            out.close();
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up spool file " + file, e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
