package org.harmonyee.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files the toolkit is checked on: the sample CT study, pydicom's sample files and the
 * synthetic dataset of src/test-tools/make_dataset.py ({@link TestDataset}).
 */
public final class Corpus {

    public static final Path PYDICOM_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private Corpus() {
    }

    public static List<Path> files() {
        List<Path> files = new ArrayList<>(list(Path.of("src/test/resources/sample-ct-study")));
        if (!Files.isDirectory(PYDICOM_FILES)) {
            throw new IllegalStateException(PYDICOM_FILES + " is missing: install python3-pydicom (./harmony test does)");
        }
        files.addAll(list(PYDICOM_FILES));
        return files;
    }

    /** The sample files and every instance of the test dataset. */
    public static List<Path> withDataset() {
        List<Path> files = new ArrayList<>(files());
        TestDataset.instances().forEach(instance -> files.add(instance.file()));
        return files;
    }

    /** The sample files and the first instance of each series of the test dataset. */
    public static List<Path> withDatasetSample() {
        List<Path> files = new ArrayList<>(files());
        files.addAll(TestDataset.onePerSeries());
        return files;
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> path.toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
