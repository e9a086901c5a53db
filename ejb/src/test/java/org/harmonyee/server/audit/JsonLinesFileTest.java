package org.harmonyee.server.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesFileTest {

    @TempDir
    Path directory;

    @Test
    void rotatesBySizeAndKeepsOnlyTheNewestFiles() throws Exception {
        Path file = directory.resolve("audit/audit.jsonl");
        MovingClock clock = new MovingClock();
        try (JsonLinesFile lines = new JsonLinesFile(file, 25, Duration.ofDays(1), 2, clock)) {
            for (int i = 0; i < 5; i++) {
                lines.append(("{\"n\":" + i + ",\"pad\":\"x\"}").getBytes(StandardCharsets.UTF_8));
                clock.advance(Duration.ofSeconds(1));
            }
        }

        assertThat(Files.readAllLines(file)).containsExactly("{\"n\":4,\"pad\":\"x\"}");
        assertThat(rotated()).hasSize(2);
        assertThat(Files.readAllLines(rotated().get(1))).containsExactly("{\"n\":3,\"pad\":\"x\"}");
    }

    @Test
    void rotatesByAge() throws Exception {
        Path file = directory.resolve("audit/audit.jsonl");
        MovingClock clock = new MovingClock();
        try (JsonLinesFile lines = new JsonLinesFile(file, 1 << 20, Duration.ofHours(1), 5, clock)) {
            lines.append("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            clock.advance(Duration.ofMinutes(30));
            lines.append("{\"n\":2}".getBytes(StandardCharsets.UTF_8));
            clock.advance(Duration.ofMinutes(31));
            lines.append("{\"n\":3}".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(Files.readAllLines(file)).containsExactly("{\"n\":3}");
        assertThat(Files.readAllLines(rotated().get(0))).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    private List<Path> rotated() throws Exception {
        try (Stream<Path> files = Files.list(directory.resolve("audit"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("audit-")).sorted().toList();
        }
    }

    /** A clock the test moves; rotation stamps come from it. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
