package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.net.peers.TestDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening a folder: what the index holds, what it skips, what it costs. */
class ArchiveIndexTest {

    @Test
    void theDatasetIsIndexedWholeAndItsManifestSkipped() throws Exception {
        DirectoryArchive archive = DirectoryArchive.open(TestDataset.directory());
        assertThat(archive.size()).isEqualTo(new DirectoryArchive.Size(3, 4, 10, 166));
    }

    @Test
    void notDicomAndNotPs310AreSkippedAndAMissingFolderIsMade(@TempDir Path directory) throws Exception {
        Path nested = Files.createDirectories(directory.resolve("a").resolve("b"));
        Files.writeString(nested.resolve("notes.txt"), "not DICOM");
        Files.write(nested.resolve("empty.dcm"), new byte[0]);
        Files.copy(TestDataset.instances().get(0).file(), nested.resolve("one.dcm"));
        assertThat(DirectoryArchive.open(directory).size()).isEqualTo(new DirectoryArchive.Size(1, 1, 1, 1));
        assertThat(DirectoryArchive.open(directory.resolve("new")).size().instances()).isZero();
        assertThat(directory.resolve("new")).isDirectory();
    }

    /** Prints MEMORY: the heap the index of the dataset keeps, per instance (a rough measure: heap after GC). */
    @Test
    void theIndexStaysSmall() throws Exception {
        Path dataset = TestDataset.directory();
        DirectoryArchive.open(dataset);
        long before = usedAfterGc();
        DirectoryArchive archive = DirectoryArchive.open(dataset);
        long after = usedAfterGc();
        int instances = archive.size().instances();
        Reference.reachabilityFence(archive);
        long perInstance = (after - before) / instances;
        System.out.println("MEMORY index of " + instances + " instances: " + (after - before) / 1024 + " KiB, "
                + perInstance + " bytes per instance");
        assertThat(perInstance).as("bytes per indexed instance").isLessThan(8 * 1024);
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
