package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.RemoteAE;
import org.harmonyee.dicom.net.service.ScuAssociation;

/** {@code echo [-aet AET] [-aec AEC] HOST PORT}: a C-ECHO, like DCMTK's echoscu. */
final class EchoCommand implements Command {

    @Override
    public String usage() {
        return "[-aet AET] [-aec AEC] HOST PORT  C-ECHO to HOST:PORT (calling AE HARMONY, called AE ANY-SCP by default)";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Options options = Options.parse(arguments, Set.of(), Set.of("-aet", "-aec"));
        RemoteAE remote = remote(options.positional(), options.value("-aec", "ANY-SCP"));
        ExecutorService executor = Executors.newCachedThreadPool();
        try (ScuAssociation association = new DicomClient(options.value("-aet", "HARMONY"),
                AssociationSettings.DEFAULT, executor, null).open(remote, Proposal.verification())) {
            int status = association.echo();
            out.printf("C-ECHO %s@%s:%d: status %04X%n", remote.aeTitle(), remote.host(), remote.port(), status);
        } catch (ConnectException e) {
            throw CommandException.failure("cannot connect to " + remote.host() + ":" + remote.port() + ": " + e.getMessage());
        } catch (DimseException e) {
            throw CommandException.failure(describe("C-ECHO", e));
        } finally {
            executor.shutdownNow();
        }
    }

    /** A refusal as the operator reads it: the operation, the status in hex, the ErrorComment. */
    static String describe(String operation, DimseException e) {
        return String.format("%s failed: status %04X%s", operation, e.status(),
                e.errorComment() == null ? "" : " (" + e.errorComment() + ")");
    }

    /** The called AE and the positional HOST PORT. */
    static RemoteAE remote(List<String> positional, String calledAe) throws CommandException {
        if (positional.size() != 2) {
            throw CommandException.usage("expected HOST PORT");
        }
        int port;
        try {
            port = Integer.parseInt(positional.get(1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw CommandException.usage("PORT: expected 1-65535, got '" + positional.get(1) + "'");
        }
        return RemoteAE.plain(calledAe, positional.get(0), port);
    }
}
