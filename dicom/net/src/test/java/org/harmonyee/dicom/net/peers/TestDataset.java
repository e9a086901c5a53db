package org.harmonyee.dicom.net.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The networking view of the synthetic dataset: the patient, study and SOP identities of each
 * instance, as the peers index them. The dataset itself is made and found by dicom-core's
 * {@link org.harmonyee.dicom.TestDataset}, the one folder every module's tests share.
 */
public final class TestDataset {

    /** One manifest entry. */
    public record Instance(Path file, String patientId, String studyInstanceUid, String seriesInstanceUid,
                           String sopInstanceUid, String sopClassUid, String transferSyntaxUid) {
    }

    private TestDataset() {
    }

    public static Path directory() {
        return org.harmonyee.dicom.TestDataset.directory();
    }

    public static List<Instance> instances() throws IOException {
        Path dataset = directory();
        List<Instance> instances = new ArrayList<>();
        for (JsonNode entry : new ObjectMapper().readTree(dataset.resolve("manifest.json").toFile())) {
            instances.add(new Instance(dataset.resolve(entry.path("path").asText()), entry.path("PatientID").asText(),
                    entry.path("StudyInstanceUID").asText(), entry.path("SeriesInstanceUID").asText(),
                    entry.path("SOPInstanceUID").asText(), entry.path("SOPClassUID").asText(),
                    entry.path("TransferSyntaxUID").asText()));
        }
        return instances;
    }

    /** The storescp profile of the project: JPEG baseline first for secondary capture, uncompressed for the rest. */
    public static Path storescpProfile() {
        return org.harmonyee.dicom.TestDataset.repositoryRoot().resolve("src").resolve("test-tools")
                .resolve("storescp-sc-jpeg.cfg");
    }
}
