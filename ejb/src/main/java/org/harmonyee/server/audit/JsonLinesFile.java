package org.harmonyee.server.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An append-only file of lines that rotates: when the next line would take it past
 * {@code maxSize} bytes, or it was opened more than {@code maxAge} ago, the file is renamed to
 * {@code NAME-yyyyMMdd-HHmmss-SSS.EXT} beside it and a new one begun; only the newest
 * {@code keep} rotated files are kept. Used by one thread only (the audit trail's writer).
 */
final class JsonLinesFile implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final long maxSize;
    private final Duration maxAge;
    private final int keep;
    private final Clock clock;
    private OutputStream out;
    private long size;
    private Instant opened;

    JsonLinesFile(Path file, long maxSize, Duration maxAge, int keep, Clock clock) {
        this.file = file;
        this.maxSize = maxSize;
        this.maxAge = maxAge;
        this.keep = keep;
        this.clock = clock;
    }

    /** Appends one line (the newline is added); flushes, so that the line is on disk for a reader. */
    void append(byte[] line) throws IOException {
        if (out != null && (size > 0 && size + line.length + 1 > maxSize
                || clock.instant().isAfter(opened.plus(maxAge)))) {
            rotate();
        }
        if (out == null) {
            open();
        }
        out.write(line);
        out.write('\n');
        out.flush();
        size += line.length + 1;
    }

    private void open() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
        opened = size == 0 ? clock.instant() : firstWritten();
    }

    /** An existing file's age counts from its creation, so a restart does not keep a file forever. */
    private Instant firstWritten() throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).creationTime().toInstant();
    }

    private void rotate() throws IOException {
        close();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Files.move(file, file.resolveSibling(stem + "-" + STAMP.format(clock.instant()) + extension),
                StandardCopyOption.ATOMIC_MOVE);
        prune(stem + "-", extension);
    }

    private void prune(String prefix, String extension) throws IOException {
        List<Path> rotated = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
            siblings.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(extension) && !p.equals(file);
            }).sorted().forEach(rotated::add);
        }
        for (int i = 0; i < rotated.size() - keep; i++) {
            Files.deleteIfExists(rotated.get(i));
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
