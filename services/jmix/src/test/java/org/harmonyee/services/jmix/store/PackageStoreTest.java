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

/**
 * Retention removes the index entry and the zip together, oldest first, never the package just
 * stored; opening a store keeps what a lasting index holds and drops entries whose zip is gone.
 */
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
        assertThat(index.byId(directory, young)).isEmpty();
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

    @Test
    void reopenedOnTheSameIndexAStoreKeepsWhatTheIndexKnows() throws Exception {
        PackageStore store = PackageStore.open(directory, index, clock, Retention.KEEP_ALL);
        String kept = commit(store, 10);
        String gone = commit(store, 10);
        Files.delete(directory.resolve(gone + ".zip"));

        PackageStore reopened = PackageStore.open(directory, index, clock, Retention.KEEP_ALL);

        // The study came with the commit: these zips are no packages, so no rebuild from them could name it.
        assertThat(reopened.byStudy("1.2.3")).get().extracting(StoredPackage::id).isEqualTo(kept);
        assertThat(index.byId(directory, gone)).isEmpty();
        assertThat(index.all(directory)).extracting(StoredPackage::id).containsExactly(kept);
        assertThat(PackageStore.open(directory, new MemoryIndex(), clock, Retention.KEEP_ALL).byId(kept)).isEmpty();
    }

    @Test
    void storesShareAnIndexWithoutSeeingEachOther() throws Exception {
        Path other = directory.resolve("other");
        PackageStore first = PackageStore.open(directory, index, clock, Retention.KEEP_ALL);
        PackageStore second = PackageStore.open(other, index, clock, Retention.KEEP_ALL);
        String id = commit(first, 10);

        assertThat(second.byId(id)).isEmpty();
        assertThat(second.byStudy("1.2.3")).isEmpty();
        assertThat(first.byStudy("1.2.3")).isPresent();
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
