package org.harmonyee.dicom.tool;

import org.harmonyee.dicom.net.peers.DataSetBytes;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.UID;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrieved instances against the originals. */
final class ReceivedFiles {

    private static final Set<String> NATIVE = Set.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
            UID.ExplicitVRBigEndian);

    private ReceivedFiles() {
    }

    /**
     * Every instance is in {@code received}: byte for byte after the meta header when it came in its
     * own syntax; otherwise both syntaxes are native (a sender may convert between them, never to or
     * from a compression).
     */
    static void assertSame(List<TestDataset.Instance> expected, Path received) throws Exception {
        Map<String, Path> files = DataSetBytes.bySopInstance(received);
        for (TestDataset.Instance instance : expected) {
            Path copy = files.get(instance.sopInstanceUid());
            assertThat(copy).as("received " + instance.file()).isNotNull();
            String syntax = DataSetBytes.header(copy).transferSyntax();
            if (syntax.equals(instance.transferSyntaxUid())) {
                assertThat(DataSetBytes.mismatch(instance.file(), copy)).as(instance.file() + " vs " + copy).isEqualTo(-1);
            } else {
                assertThat(List.of(syntax, instance.transferSyntaxUid())).as(instance.file() + " converted to " + syntax)
                        .allMatch(NATIVE::contains);
            }
        }
    }
}
