package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.json.DicomJson;
import org.harmonyee.dicom.net.peers.DataSetBytes;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.uid.TransferSyntax;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Received instances against the originals: byte-identical data sets when they arrived in their own
 * transfer syntax; when a peer converted between native syntaxes (dcmqrscp sends a whole SOP class
 * in one context), the same elements and values, compared through their PS3.18 JSON.
 */
final class SameInstances {

    private SameInstances() {
    }

    static void assertReceived(List<TestDataset.Instance> instances, Path received) throws Exception {
        Map<String, Path> files = DataSetBytes.bySopInstance(received);
        for (TestDataset.Instance instance : instances) {
            Path copy = files.get(instance.sopInstanceUid());
            assertThat(copy).as("received " + instance.file()).isNotNull();
            String syntax = DataSetBytes.header(copy).transferSyntax();
            if (syntax.equals(instance.transferSyntaxUid())) {
                assertThat(DataSetBytes.mismatch(instance.file(), copy)).as(instance.file() + " vs " + copy).isEqualTo(-1);
            } else {
                assertThat(TransferSyntax.of(syntax).isNative() && TransferSyntax.of(instance.transferSyntaxUid()).isNative())
                        .as(instance.file() + " arrived in " + syntax).isTrue();
                assertThat(json(copy)).as(instance.file() + " vs " + copy).isEqualTo(json(instance.file()));
            }
        }
    }

    private static String json(Path file) throws Exception {
        try (DicomInputStream in = DicomInputStream.open(file)) {
            return DicomJson.toJson(in.readDataset());
        }
    }
}
