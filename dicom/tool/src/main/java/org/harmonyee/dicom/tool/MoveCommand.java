package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.TransferCapabilities;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.DirectoryStorage;
import org.harmonyee.dicom.net.service.Proposal;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.RetrieveScu;
import org.harmonyee.dicom.net.service.ScuAssociation;
import org.harmonyee.dicom.net.tls.DicomTls;
import org.harmonyee.dicom.uid.UID;

/**
 * {@code move [SCU options] [-P|-S] [-L LEVEL] [-k KEY=VALUE]... -aem DEST [--port N -od DIR] HOST PORT}:
 * a C-MOVE like DCMTK's movescu. The SCP sends the instances to the AE it knows as DEST; with
 * {@code --port} this command is DEST itself for the time of the move, a storage SCP on port N
 * writing into DIR (as movescu's {@code +P}; the SCP must list DEST at this host and port).
 */
final class MoveCommand implements Command {

    @Override
    public String usage() {
        return ScuConnection.USAGE + " " + QueryKeys.USAGE + " -aem DEST [--port N -od DIR] HOST PORT"
                + "  C-MOVE to DEST (with --port: receive as DEST into DIR)";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Options options = Options.parse(arguments, ScuConnection.flags(QueryKeys.FLAGS, Set.of(TlsOptions.NO_CLIENT_AUTH)),
                ScuConnection.valued(QueryKeys.VALUED, Set.of("-aem", "--port", "-od")));
        QueryKeys query = QueryKeys.of(options, QueryKeys.Service.MOVE);
        String destination = options.value("-aem", null);
        if (destination == null) {
            throw CommandException.usage("-aem DEST is required: the AE title the SCP sends the instances to");
        }
        destination = ScuConnection.aeTitle("-aem", destination);
        if (options.has("-od") != options.has("--port")) {
            throw CommandException.usage("--port N and -od DIR go together: they make this command the receiver");
        }
        try (ScuConnection connection = ScuConnection.of(options, options.positional());
             AssociationAcceptor receiver = options.has("--port") ? receiver(options, destination, connection) : null;
             ScuAssociation association = connection.open(new Proposal()
                     .add(query.model(), UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian))) {
            RetrieveResult result = association.move(query.model(), query.identifier(), destination,
                    RetrieveScu.Listener.NONE);
            RetrieveReport.print(out, "C-MOVE " + connection.peer() + " to " + destination, result);
        } catch (DimseException e) {
            throw CommandException.failure(ScuConnection.describe("C-MOVE", e));
        }
    }

    /** The storage SCP that receives the move as DEST, on every interface (the SCP may be remote). */
    private static AssociationAcceptor receiver(Options options, String destination, ScuConnection connection)
            throws CommandException, IOException {
        int port = options.port("--port", 1, 0);
        DicomTls tls = options.has(TlsOptions.TLS) ? TlsOptions.of(options, true) : null;
        AcceptorConfig config = new AcceptorConfig("0.0.0.0", port, Set.of(destination), Set.of(),
                TransferCapabilities.defaults(), AcceptorConfig.DEFAULT_MAX_ASSOCIATIONS, AssociationSettings.DEFAULT, tls);
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(connection.executor()))
                .store(new DirectoryStorage(GetCommand.outputDirectory(options)));
        try {
            return new AssociationAcceptor(config, router, connection.executor()).start();
        } catch (IOException e) {
            throw CommandException.failure("--port " + port + ": cannot listen: " + e.getMessage());
        }
    }
}
