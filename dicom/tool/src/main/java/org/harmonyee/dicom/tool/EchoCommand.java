package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.ScuAssociation;

/** {@code echo [-aet AET] [-aec AEC] [TLS] HOST PORT}: a C-ECHO, like DCMTK's echoscu. */
final class EchoCommand implements Command {

    @Override
    public String usage() {
        return ScuConnection.USAGE + " HOST PORT  C-ECHO";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Options options = Options.parse(arguments, ScuConnection.FLAGS, ScuConnection.valued());
        try (ScuConnection connection = ScuConnection.of(options, options.positional());
             ScuAssociation association = connection.open(Proposal.verification())) {
            int status = association.echo();
            out.printf("C-ECHO %s: status %04X%n", connection.peer(), status);
        } catch (DimseException e) {
            throw CommandException.failure(ScuConnection.describe("C-ECHO", e));
        }
    }
}
