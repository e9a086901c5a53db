package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.net.peers.Dcmtk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** DCMTK's findscu run to its end, each response extracted ({@code -X}) and read back as a data set. */
final class Findscu {

    /** The responses and findscu's own log (its final status line). */
    record Result(List<Attributes> matches, Dcmtk.Result run) {
    }

    private Findscu() {
    }

    /** @param root {@code -P} (Patient Root) or {@code -S} (Study Root) */
    static Result find(Path output, String calledAETitle, int port, String root, List<String> keys)
            throws IOException, InterruptedException {
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of("-v", root, "-aet", "FINDSCU", "-aec", calledAETitle, "-X",
                "-od", output.toString()));
        for (String key : keys) {
            arguments.add("-k");
            arguments.add(key);
        }
        arguments.add("127.0.0.1");
        arguments.add(Integer.toString(port));
        Dcmtk.Result run = Dcmtk.run(60, "findscu", arguments.toArray(String[]::new));
        List<Attributes> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                try (DicomInputStream in = DicomInputStream.open(file)) {
                    matches.add(in.readDataset());
                }
                Files.delete(file);
            }
        }
        return new Result(matches, run);
    }
}
