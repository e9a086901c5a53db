package org.harmonyee.dicom.net.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The synthetic dataset of src/test-tools/make_dataset.py (166 instances, ~77 MB) in
 * {@code <repo root>/target/test-dataset}, the folder every module's tests share: generated only
 * when its manifest.json is missing, into a temporary folder renamed at the end. A missing tool
 * fails the test with the package to install.
 */
public final class TestDataset {

    private static final Path GENERATOR = Path.of("src", "test-tools", "make_dataset.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** One manifest entry. */
    public record Instance(Path file, String patientId, String studyInstanceUid, String seriesInstanceUid,
                           String sopInstanceUid, String sopClassUid, String transferSyntaxUid) {
    }

    private TestDataset() {
    }

    public static synchronized Path directory() throws IOException, InterruptedException {
        Path root = root();
        Path dataset = root.resolve("target").resolve("test-dataset");
        if (!Files.isRegularFile(dataset.resolve("manifest.json"))) {
            generate(root, dataset);
        }
        return dataset;
    }

    public static List<Instance> instances() throws IOException, InterruptedException {
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
        return root().resolve("src").resolve("test-tools").resolve("storescp-sc-jpeg.cfg");
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(GENERATOR))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + GENERATOR + " above " + Path.of("").toAbsolutePath());
    }

    private static void generate(Path root, Path dataset) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " is missing: apt-get install -y python3-pydicom python3-numpy");
        }
        Files.createDirectories(dataset.getParent());
        Path temporary = Files.createTempDirectory(dataset.getParent(), "test-dataset-net-");
        try {
            Path log = temporary.resolve("generator.log");
            Process process = new ProcessBuilder(PYTHON.toString(), root.resolve(GENERATOR).toString(),
                    temporary.resolve("dataset").toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(GENERATOR + " failed (python3-pydicom, python3-numpy, imagemagick, "
                        + "dcmtk installed?): " + Files.readString(log));
            }
            try {
                Files.move(temporary.resolve("dataset"), dataset, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException lostTheRace) {
                if (!Files.isRegularFile(dataset.resolve("manifest.json"))) {
                    throw lostTheRace;
                }
            }
        } finally {
            delete(temporary);
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
