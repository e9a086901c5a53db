package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.DirectoryStorage;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.RetrieveScu;
import org.harmonyee.dicom.net.service.ScuAssociation;

/**
 * {@code get [SCU options] [-P|-S] [-L LEVEL] [-k KEY=VALUE]... -od DIR [--class CLASS[=TS,...]]... HOST PORT}:
 * a C-GET like DCMTK's getscu. The instances arrive on the same association and are written to
 * DIR as {@code <SOP Instance UID>.dcm}, each in the transfer syntax it came in; then a summary
 * of the sub-operations. Some failed sub-operations are exit status 1. What is proposed: {@link GetProposal}.
 */
final class GetCommand implements Command {

    @Override
    public String usage() {
        return ScuConnection.USAGE + " " + QueryKeys.USAGE + " -od DIR [--class CLASS[=TS,...]]... HOST PORT"
                + "  C-GET into DIR (the common storage classes; --class names one first, with its syntaxes)";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Options options = Options.parse(arguments, ScuConnection.flags(QueryKeys.FLAGS),
                ScuConnection.valued(QueryKeys.VALUED, Set.of("-od", "--class")));
        QueryKeys query = QueryKeys.of(options, QueryKeys.Service.GET);
        Path directory = outputDirectory(options);
        try (ScuConnection connection = ScuConnection.of(options, options.positional());
             ScuAssociation association = connection.open(GetProposal.of(query.model(), options.values("--class")))) {
            RetrieveResult result = association.get(query.model(), query.identifier(), new DirectoryStorage(directory),
                    RetrieveScu.Listener.NONE);
            RetrieveReport.print(out, "C-GET " + connection.peer(), result);
        } catch (DimseException e) {
            throw CommandException.failure(ScuConnection.describe("C-GET", e));
        }
    }

    /** {@code -od DIR}, created when missing. */
    static Path outputDirectory(Options options) throws CommandException {
        String name = options.value("-od", null);
        if (name == null) {
            throw CommandException.usage("-od DIR is required: where the instances are written");
        }
        Path directory = Path.of(name);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw CommandException.failure("-od " + name + ": cannot create the folder: " + e.getMessage());
        }
    }
}
