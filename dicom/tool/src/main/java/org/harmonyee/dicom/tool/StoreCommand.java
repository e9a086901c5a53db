package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;

/**
 * {@code store [-aet AET] [-aec AEC] HOST PORT FILE|DIR...}: C-STORE of PS3.10 files (folders walked),
 * each in its own transfer syntax, like DCMTK's storescu; one line per file that fails, a summary.
 */
final class StoreCommand implements Command {

    @Override
    public String usage() {
        return "[-aet AET] [-aec AEC] HOST PORT FILE|DIR...  C-STORE each file as stored; a summary";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Options options = Options.parse(arguments, Set.of(), Set.of("-aet", "-aec"));
        List<String> positional = options.positional();
        if (positional.size() < 3) {
            throw CommandException.usage("expected HOST PORT FILE|DIR...");
        }
        RemoteAE remote = EchoCommand.remote(positional.subList(0, 2), options.value("-aec", "ANY-SCP"));
        List<Path> files = files(positional.subList(2, positional.size()));
        ExecutorService executor = Executors.newCachedThreadPool();
        int stored = 0;
        int failed = 0;
        try (ScuAssociation association = new DicomClient(options.value("-aet", "HARMONY"),
                AssociationSettings.DEFAULT, executor, null).open(remote, Proposal.storage(files))) {
            for (Path file : files) {
                try {
                    association.store(file);
                    stored++;
                } catch (DimseException e) {
                    failed++;
                    out.println(file + ": " + EchoCommand.describe("C-STORE", e));
                }
            }
        } catch (ConnectException e) {
            throw CommandException.failure("cannot connect to " + remote.host() + ":" + remote.port() + ": " + e.getMessage());
        } finally {
            executor.shutdownNow();
        }
        out.printf("C-STORE %s@%s:%d: %d stored, %d failed%n", remote.aeTitle(), remote.host(), remote.port(), stored, failed);
        if (failed > 0) {
            throw CommandException.failure(failed + " of " + files.size() + " files not stored");
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
