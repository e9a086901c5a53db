package org.harmonyee.services.dimse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The study {@code mock_dicom} serves, bundled in this jar (see {@code mock-study/SOURCE.md}): one
 * CT study of patient {@value #PATIENT_ID}, three series of five instances. {@link #extractTo}
 * lays it afresh in a folder, so every start serves the same study whatever was stored before.
 */
final class MockStudy {

    static final String PATIENT_ID = "PID156695";
    static final String STUDY_INSTANCE_UID = "1.2.826.0.1.3680043.9.7133.3280065491876470";
    static final int SERIES = 3;
    static final int INSTANCES = 15;

    private static final String FOLDER = "mock-study/";
    private static final String INDEX = FOLDER + "files.txt";

    private MockStudy() {
    }

    /** Empties {@code folder} (made when missing) and copies the bundled instances into it. */
    static void extractTo(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(folder)).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
        for (String file : files()) {
            Path target = folder.resolve(file).normalize();
            Files.createDirectories(target.getParent());
            try (InputStream in = resource(FOLDER + file)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static List<String> files() throws IOException {
        try (BufferedReader index = new BufferedReader(new InputStreamReader(resource(INDEX), StandardCharsets.UTF_8))) {
            return index.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MockStudy.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the bundled study is incomplete: " + name + " is missing from the jar");
        }
        return in;
    }
}
