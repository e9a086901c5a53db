package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.HashSet;
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
import org.harmonyee.dicom.net.tls.DicomTls;

/**
 * What every SCU command shares: the calling AE ({@code -aet}, HARMONY by default), the called AE
 * ({@code -aec}, ANY-SCP by default), {@code HOST PORT}, the TLS options, and the threads of the
 * association. Opening turns a refused connection into the one line the operator reads.
 */
final class ScuConnection implements AutoCloseable {

    static final Set<String> FLAGS = Set.of(TlsOptions.TLS);
    static final String USAGE = "[SCU options]";
    static final String OPTIONS = "SCU options: -aet AET (calling AE, HARMONY), -aec AEC (called AE, ANY-SCP), TLS options";

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "harmony-dicom-scu");
        thread.setDaemon(true);
        return thread;
    });
    private final DicomClient client;
    private final RemoteAE remote;

    private ScuConnection(String callingAE, RemoteAE remote, DicomTls tls) {
        this.client = new DicomClient(callingAE, AssociationSettings.DEFAULT, executor, tls);
        this.remote = remote;
    }

    /** The valued options of an SCU command: these plus its own. */
    @SafeVarargs
    static Set<String> valued(Set<String>... own) {
        return union(TlsOptions.VALUED, Set.of("-aet", "-aec"), own);
    }

    /** The flags of an SCU command: these plus its own. */
    @SafeVarargs
    static Set<String> flags(Set<String>... own) {
        return union(FLAGS, Set.of(), own);
    }

    private static Set<String> union(Set<String> first, Set<String> second, Set<String>[] more) {
        Set<String> names = new HashSet<>(first);
        names.addAll(second);
        for (Set<String> set : more) {
            names.addAll(set);
        }
        return names;
    }

    /** @param hostPort the positional HOST PORT */
    static ScuConnection of(Options options, List<String> hostPort) throws CommandException {
        if (hostPort.size() != 2) {
            throw CommandException.usage("expected HOST PORT");
        }
        int port = Options.port("PORT", hostPort.get(1), 1);
        String callingAE = aeTitle("-aet", options.value("-aet", "HARMONY"));
        String calledAE = aeTitle("-aec", options.value("-aec", "ANY-SCP"));
        DicomTls tls = TlsOptions.of(options, false);
        return new ScuConnection(callingAE, new RemoteAE(calledAE, hostPort.get(0), port, tls != null), tls);
    }

    static String aeTitle(String option, String value) throws CommandException {
        if (value.isBlank() || value.strip().length() > 16 || value.contains("\\")
                || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw CommandException.usage(option + ": expected an AE title of 1-16 characters, got '" + value + "'");
        }
        return value.strip();
    }

    /** The threads of this command's associations, for an acceptor it runs beside them. */
    ExecutorService executor() {
        return executor;
    }

    /** {@code AEC@host:port}, as the summary lines name the peer. */
    String peer() {
        return remote.aeTitle() + "@" + remote.host() + ":" + remote.port();
    }

    ScuAssociation open(Proposal proposal) throws CommandException, IOException {
        try {
            return client.open(remote, proposal);
        } catch (ConnectException e) {
            throw CommandException.failure("cannot connect to " + remote.host() + ":" + remote.port() + ": " + e.getMessage());
        } catch (UnknownHostException e) {
            throw CommandException.failure("unknown host " + remote.host());
        }
    }

    /** A refusal as the operator reads it: the operation, the status in hex, the ErrorComment. */
    static String describe(String operation, DimseException e) {
        return String.format("%s failed: status %04X%s", operation, e.status(),
                e.errorComment() == null ? "" : " (" + e.errorComment() + ")");
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
