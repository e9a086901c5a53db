package org.harmonyee.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The synthetic dataset of src/test-tools/make_dataset.py (3 patients, 4 studies, 10 series, 166
 * instances, ~77 MB), made once per clone in {@code <repo root>/target/test-dataset} and shared by
 * every module's tests: it is made only when its manifest.json is missing, into a temporary folder
 * that is then renamed, so a test never sees half a dataset and concurrent builds do not clash.
 * A missing tool fails the test that asked, with the package to install.
 */
public final class TestDataset {

    private static final Path GENERATOR = Path.of("src", "test-tools", "make_dataset.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<Path> TOOLS = List.of(PYTHON, Path.of("/usr/bin/img2dcm"), Path.of("/usr/bin/convert-im6.q16"));

    /** One instance of the manifest: its file, and what the generator says it holds. */
    public record Instance(Path file, String seriesInstanceUid, String transferSyntaxUid, String modality) {
    }

    private TestDataset() {
    }

    /** The repository's root: the nearest folder above the working directory holding the generator. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(GENERATOR))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + GENERATOR + " above " + Path.of("").toAbsolutePath());
    }

    /** {@code <root>/target/test-dataset}, made first if its manifest.json is missing. */
    public static synchronized Path directory() {
        Path root = repositoryRoot();
        Path dataset = root.resolve("target").resolve("test-dataset");
        if (Files.isRegularFile(dataset.resolve("manifest.json"))) {
            return dataset;
        }
        try {
            generate(root, dataset);
        } catch (IOException e) {
            throw new UncheckedIOException("making the test dataset in " + dataset + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the test dataset", e);
        }
        return dataset;
    }

    /** Every instance of the manifest, in its order. */
    public static List<Instance> instances() {
        Path dataset = directory();
        try {
            List<Instance> instances = new ArrayList<>();
            for (JsonNode entry : new ObjectMapper().readTree(dataset.resolve("manifest.json").toFile())) {
                instances.add(new Instance(dataset.resolve(entry.path("path").asText()),
                        entry.path("SeriesInstanceUID").asText(), entry.path("TransferSyntaxUID").asText(),
                        entry.path("Modality").asText()));
            }
            return instances;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first instance of each series: every kind of file the dataset has, at a tenth of the cost. */
    public static List<Path> onePerSeries() {
        List<String> seen = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Instance instance : instances()) {
            if (!seen.contains(instance.seriesInstanceUid())) {
                seen.add(instance.seriesInstanceUid());
                files.add(instance.file());
            }
        }
        return files;
    }

    private static void generate(Path root, Path dataset) throws IOException, InterruptedException {
        for (Path tool : TOOLS) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: the test dataset needs dcmtk, python3-pydicom, "
                        + "python3-numpy and imagemagick (./harmony test installs them)");
            }
        }
        Files.createDirectories(dataset.getParent());
        delete(dataset);
        Path temporary = Files.createTempDirectory(dataset.getParent(), "test-dataset-");
        try {
            Path log = temporary.resolve("generator.log");
            Process process = new ProcessBuilder(PYTHON.toString(), root.resolve(GENERATOR).toString(),
                    temporary.resolve("dataset").toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(GENERATOR + " did not finish in 5 minutes");
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(GENERATOR + " failed (exit " + process.exitValue() + "): " + output);
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

    /** Deletes a folder and what it holds (a dataset folder without a manifest is a broken leftover). */
    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
