package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.ScuAssociation;

/**
 * {@code store [-aet AET] [-aec AEC] [TLS] HOST PORT FILE|DIR...}: C-STORE of PS3.10 files (folders walked),
 * each in its own transfer syntax, like DCMTK's storescu; one line per file that fails, a summary.
 */
final class StoreCommand implements Command {

    @Override
    public String usage() {
        return ScuConnection.USAGE + " HOST PORT FILE|DIR...  C-STORE each file as stored; a summary";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Options options = Options.parse(arguments, ScuConnection.FLAGS, ScuConnection.valued());
        List<String> positional = options.positional();
        if (positional.size() < 3) {
            throw CommandException.usage("expected HOST PORT FILE|DIR...");
        }
        int stored = 0;
        int failed = 0;
        try (ScuConnection connection = ScuConnection.of(options, positional.subList(0, 2))) {
            List<Path> files = files(positional.subList(2, positional.size()));
            try (ScuAssociation association = connection.open(Proposal.storage(files))) {
                for (Path file : files) {
                    try {
                        association.store(file);
                        stored++;
                    } catch (DimseException e) {
                        failed++;
                        out.println(file + ": " + ScuConnection.describe("C-STORE", e));
                    }
                }
            }
            out.printf("C-STORE %s: %d stored, %d failed%n", connection.peer(), stored, failed);
            if (failed > 0) {
                throw CommandException.failure(failed + " of " + files.size() + " files not stored");
            }
        }
    }

    private static List<Path> files(List<String> names) throws CommandException, IOException {
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw CommandException.failure(name + ": no such file or folder");
            }
        }
        return files;
    }
}
