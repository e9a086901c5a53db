package org.harmonyee.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files the toolkit is checked on: the sample CT study and pydicom's sample files. */
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

    private static List<Path> list(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> path.toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
