package org.harmonyee.services.dimse;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.io.DicomInputStream;
import org.harmonyee.dicom.net.peers.Dcmtk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** DCMTK's findscu, the reference: run to its end, each response extracted ({@code -X}) and read back. */
final class Findscu {

    private Findscu() {
    }

    /**
     * @param root {@code -P} (Patient Root) or {@code -S} (Study Root)
     * @param keys findscu's {@code -k} values, e.g. {@code 0008,0052=STUDY}, {@code 0020,000D}
     */
    static List<Attributes> find(Path output, String calledAETitle, int port, String root, String... keys)
            throws IOException, InterruptedException {
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of(root, "-aet", "FINDSCU", "-aec", calledAETitle, "-X", "-od",
                output.toString()));
        for (String key : keys) {
            arguments.add("-k");
            arguments.add(key);
        }
        arguments.add("127.0.0.1");
        arguments.add(Integer.toString(port));
        Dcmtk.Result run = Dcmtk.run(60, "findscu", arguments.toArray(String[]::new));
        if (run.status() != 0) {
            throw new IllegalStateException("findscu failed: " + run.output());
        }
        List<Attributes> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                try (DicomInputStream in = DicomInputStream.open(file)) {
                    matches.add(in.readDataset());
                }
                Files.delete(file);
            }
        }
        return matches;
    }
}
