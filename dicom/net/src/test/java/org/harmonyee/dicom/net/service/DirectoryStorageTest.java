package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.pdu.PresentationContext;
import org.harmonyee.dicom.uid.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DirectoryStorage's edges: an association lost mid-instance leaves nothing on disk; a full disk answers A700. */
class DirectoryStorageTest {

    private static ScpContext context(String instance) {
        return new ScpContext(null, PresentationContext.accepted(1, UID.ExplicitVRLittleEndian),
                Command.cStoreRQ(1, UID.CTImageStorage, instance, Priority.MEDIUM));
    }

    /** 200 KiB of data set, then the network fails. */
    private static InputStream brokenAfter200KiB() {
        return new SequenceInputStream(new ByteArrayInputStream(new byte[200 * 1024]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("association aborted");
            }
        });
    }

    @Test
    void anAssociationLostMidInstanceLeavesNoFile(@TempDir Path directory) throws Exception {
        DirectoryStorage storage = new DirectoryStorage(directory);
        assertThatThrownBy(() -> storage.store(context("1.2.3.4"), brokenAfter200KiB()))
                .isInstanceOf(IOException.class).hasMessage("association aborted");
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).as("no partial or complete file").isEmpty();
        }
        assertThat(storage.store(context("1.2.3.4"), new ByteArrayInputStream(new byte[1000]))).isEqualTo(Status.SUCCESS);
        assertThat(storage.file("1.2.3.4")).exists();
    }

    @Test
    void aFolderThatCannotBeWrittenIsA700AndTheDataSetIsStillRead(@TempDir Path directory) throws Exception {
        Path blocked = Files.writeString(directory.resolve("not-a-folder"), "a file where the folder should be");
        DirectoryStorage storage = new DirectoryStorage(blocked.resolve("sub"));
        ByteArrayInputStream dataSet = new ByteArrayInputStream(new byte[100_000]);
        assertThatThrownBy(() -> storage.store(context("1.2.3.5"), dataSet))
                .isInstanceOfSatisfying(DimseException.class, e -> assertThat(e.status()).isEqualTo(Status.OUT_OF_RESOURCES));
        assertThat(dataSet.available()).as("the data set was drained").isZero();
    }
}
