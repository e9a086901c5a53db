package org.harmonyee.services.jmix.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention removes the index entry and the zip together, oldest first, never the package just stored. */
class PackageStoreTest {

    @TempDir
    Path directory;

    private final MovingClock clock = new MovingClock();
    private final MemoryIndex index = new MemoryIndex();

    @Test
    void packagesOverMaxBytesGoOldestFirst() throws Exception {
        PackageStore store = PackageStore.open(directory, index, clock, new Retention(null, 2500));
        String first = commit(store, 1000);
        String second = commit(store, 1000);
        String third = commit(store, 1000);

        assertThat(store.byId(first)).isEmpty();
        assertThat(directory.resolve(first + ".zip")).doesNotExist();
        assertThat(store.byId(second)).isPresent();
        assertThat(store.byId(third)).isPresent();
    }

    @Test
    void aPackageLargerThanMaxBytesAloneIsStillKept() throws Exception {
        PackageStore store = PackageStore.open(directory, index, clock, new Retention(null, 500));
        String old = commit(store, 400);
        String large = commit(store, 1000);

        assertThat(store.byId(large)).isPresent();
        assertThat(store.byId(old)).isEmpty();
    }

    @Test
    void packagesOlderThanMaxAgeGoAtTheNextCommitAndAtOpen() throws Exception {
        PackageStore store = PackageStore.open(directory, index, clock, new Retention(Duration.ofHours(1), 0));
        String old = commit(store, 10);
        clock.advance(Duration.ofMinutes(61));
        String young = commit(store, 10);

        assertThat(store.byId(old)).isEmpty();
        assertThat(directory.resolve(old + ".zip")).doesNotExist();
        assertThat(store.byId(young)).isPresent();

        clock.advance(Duration.ofMinutes(61));
        PackageStore.open(directory, index, clock, new Retention(Duration.ofHours(1), 0));
        assertThat(index.byId(young)).isEmpty();
        assertThat(directory.resolve(young + ".zip")).doesNotExist();
    }

    @Test
    void withoutLimitsEverythingStays() throws Exception {
        PackageStore store = PackageStore.open(directory, index, clock, Retention.KEEP_ALL);
        String first = commit(store, 1000);
        clock.advance(Duration.ofDays(3650));
        commit(store, 1000);

        assertThat(store.byId(first)).isPresent();
    }

    private String commit(PackageStore store, int bytes) throws Exception {
        Path temporary = store.temporary();
        Files.write(temporary, new byte[bytes]);
        String id = UUID.randomUUID().toString();
        store.commit(temporary, id, "1.2.3");
        clock.advance(Duration.ofSeconds(1));
        return id;
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
