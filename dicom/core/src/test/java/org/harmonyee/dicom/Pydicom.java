package org.harmonyee.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a script of src/test/python with Debian's interpreter, where python3-pydicom lives. */
public final class Pydicom {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private Pydicom() {
    }

    public static Dcmtk.Result run(String script, String... arguments) throws IOException, InterruptedException {
        if (!Files.isDirectory(Corpus.PYDICOM_FILES) || !Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("python3-pydicom is missing: install it (./harmony test does)");
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), Path.of("src/test/python", script).toString()));
        command.addAll(List.of(arguments));
        return Dcmtk.exec(command);
    }
}
