package org.harmonyee.core.envelope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A message body: empty, bytes held in memory, or a stream that can be read once. Large bodies
 * stay streams from the door to the backend and back; only bodies a service must understand are
 * buffered, within the configured limits.
 */
public abstract sealed class Body permits Body.Empty, Body.Bytes, Body.Streamed, Body.Spooled {

    private static final Body EMPTY = new Empty();

    public static Body empty() {
        return EMPTY;
    }

    public static Body of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    /** A stream read at most once; {@code length} is -1 when unknown. */
    public static Body stream(InputStream stream, long length) {
        if (length == 0) {
            closeQuietly(stream);
            return EMPTY;
        }
        return new Streamed(stream, length);
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // an empty stream that fails to close holds nothing worth reporting
        }
    }

    /**
     * A body spooled to a temporary file: re-readable, off the heap, deleted by {@link #discard()}
     * when the exchange ends.
     */
    public static Body spooled(Path file, long length) {
        return new Spooled(file, length);
    }

    /** The length in bytes, or -1 when it is only known after reading. */
    public abstract long length();

    /** Opens the body for reading. A streamed body can be opened once. */
    public abstract InputStream open();

    /** Whether the bytes are in memory (and so can be read any number of times). */
    public abstract boolean isBuffered();

    /** Whether {@link #open()} may be called more than once (in memory, or spooled to a file). */
    public boolean isRepeatable() {
        return isBuffered();
    }

    /** The bytes; a streamed body is read to the end (callers bound it first). */
    public byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases what the body holds: an unread stream, a spool file. */
    public void discard() {
    }

    static final class Empty extends Body {
        @Override
        public long length() {
            return 0;
        }

        @Override
        public InputStream open() {
            return InputStream.nullInputStream();
        }

        @Override
        public boolean isBuffered() {
            return true;
        }

        @Override
        public byte[] bytes() {
            return new byte[0];
        }
    }

    static final class Bytes extends Body {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean isBuffered() {
            return true;
        }

        @Override
        public byte[] bytes() {
            return bytes;
        }
    }

    static final class Streamed extends Body {
        private final InputStream stream;
        private final long length;
        private boolean opened;

        Streamed(InputStream stream, long length) {
            this.stream = Objects.requireNonNull(stream);
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public synchronized InputStream open() {
            if (opened) {
                throw new IllegalStateException("a streamed body can be read once");
            }
            opened = true;
            return stream;
        }

        @Override
        public boolean isBuffered() {
            return false;
        }

        @Override
        public synchronized void discard() {
            if (!opened) {
                opened = true;
                closeQuietly(stream);
            }
        }
    }

    static final class Spooled extends Body {
        private final Path file;
        private final long length;

        Spooled(Path file, long length) {
            this.file = file;
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("spooled body " + file + " is gone", e);
            }
        }

        @Override
        public boolean isBuffered() {
            return false;
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public void discard() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete spooled body " + file, e);
            }
        }
    }
}
