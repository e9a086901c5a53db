package org.harmonyee.dicom.net.peers;

import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.io.FileMetaInformation;
import org.harmonyee.dicom.json.DicomJson;
import org.harmonyee.dicom.uid.TransferSyntax;
import org.harmonyee.dicom.uid.UID;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Received instances against the originals: byte-identical data sets when they arrived in their own
 * transfer syntax; when a peer converted between native syntaxes (dcmqrscp sends a whole SOP class
 * in one context), the same elements and values, compared through their PS3.18 JSON.
 */
public final class SameInstances {

    private SameInstances() {
    }

    public static void assertReceived(List<TestDataset.Instance> instances, Path received) throws Exception {
        Map<String, Path> files = DataSetBytes.bySopInstance(received);
        for (TestDataset.Instance instance : instances) {
            Path copy = files.get(instance.sopInstanceUid());
            assertThat(copy).as("received " + instance.file()).isNotNull();
            String syntax = FileMetaInformation.read(copy).transferSyntaxUid();
            if (syntax.equals(instance.transferSyntaxUid())) {
                assertThat(DataSetBytes.mismatch(instance.file(), copy)).as(instance.file() + " vs " + copy).isEqualTo(-1);
            } else {
                assertThat(TransferSyntax.of(syntax).isNative() && TransferSyntax.of(instance.transferSyntaxUid()).isNative())
                        .as(instance.file() + " arrived in " + syntax).isTrue();
                boolean implicit = syntax.equals(UID.ImplicitVRLittleEndian)
                        || instance.transferSyntaxUid().equals(UID.ImplicitVRLittleEndian);
                assertEquivalent(json(instance.file(), implicit), json(copy, implicit), instance.file() + " vs " + copy);
            }
        }
    }

    /**
     * The data set as PS3.18 JSON; with {@code withoutVR}, the VRs are left out, since implicit VR
     * cannot tell "OB or OW" and "US or SS" apart (pixel data read as OW, written as OB).
     */
    private static String json(Path file, boolean withoutVR) throws Exception {
        try (DicomInputStream in = DicomInputStream.open(file)) {
            String json = DicomJson.toJson(in.readDataset());
            return withoutVR ? json.replaceAll("\"vr\":\"[A-Z]{2}\",?", "") : json;
        }
    }

    /** Equal texts, or a failure showing where they part (the JSON of an image is megabytes). */
    private static void assertEquivalent(String expected, String actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        int at = 0;
        while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 80);
        throw new AssertionError(what + " differ at " + at + ": expected ..." + expected.substring(from, Math.min(expected.length(), at + 80))
                + "... but was ..." + actual.substring(from, Math.min(actual.length(), at + 80)) + "...");
    }
}
