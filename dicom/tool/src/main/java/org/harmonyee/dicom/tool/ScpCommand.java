package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.harmonyee.dicom.net.archive.DirectoryArchive;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.TransferCapabilities;
import org.harmonyee.dicom.net.service.AeTable;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.tls.DicomTls;

/**
 * {@code scp --dir DIR [-aet AET] [--port N] [--bind ADDR] [--dest AET=HOST:PORT[:tls]]...
 * [--ae-table FILE] [--accept-calling AET]... [--max-associations N] [TLS]}: a storage and
 * query/retrieve SCP serving a folder ({@link DirectoryArchive}): C-ECHO, C-STORE into DIR,
 * C-FIND, C-GET and C-MOVE (to the destinations given) in patient and study root, until SIGTERM
 * or Ctrl-C, which close the listener and abort running associations (an instance being received
 * is discarded). It prints one line once it listens.
 */
final class ScpCommand implements Command {

    private static final Set<String> VALUED = Set.of("--dir", "-aet", "--port", "--bind", AeTableOptions.DEST,
            AeTableOptions.AE_TABLE, "--accept-calling", "--max-associations");

    @Override
    public String usage() {
        return "--dir DIR [-aet AET] [--port N] [--bind ADDR] [--dest AET=HOST:PORT[:tls]]... [--ae-table FILE]"
                + " [--accept-calling AET]... [--max-associations N] " + TlsOptions.USAGE
                + "  serve DIR: C-ECHO, C-STORE, C-FIND, C-GET, C-MOVE until stopped (port 11112, AE HARMONY by default)";
    }

    @Override
    public void run(List<String> arguments, PrintStream out) throws CommandException, IOException {
        Set<String> valued = new HashSet<>(VALUED);
        valued.addAll(TlsOptions.VALUED);
        Options options = Options.parse(arguments, TlsOptions.FLAGS, valued);
        if (!options.positional().isEmpty()) {
            throw CommandException.usage("unexpected argument '" + options.positional().get(0) + "'");
        }
        String directory = options.value("--dir", null);
        if (directory == null) {
            throw CommandException.usage("--dir DIR is required: the folder to serve and store into");
        }
        String aeTitle = ScuConnection.aeTitle("-aet", options.value("-aet", "HARMONY"));
        Set<String> calling = new HashSet<>();
        for (String value : options.values("--accept-calling")) {
            calling.add(ScuConnection.aeTitle("--accept-calling", value));
        }
        DicomTls tls = TlsOptions.of(options, true);
        AeTable destinations = AeTableOptions.of(options, tls != null);
        long maxAssociations = options.count("--max-associations", 1);
        AcceptorConfig config = new AcceptorConfig(options.value("--bind", "0.0.0.0"), options.port("--port", 1, 11112),
                Set.of(aeTitle), calling, TransferCapabilities.defaults(),
                maxAssociations < 0 ? AcceptorConfig.DEFAULT_MAX_ASSOCIATIONS : (int) Math.min(maxAssociations, 10_000),
                AssociationSettings.DEFAULT, tls);
        DirectoryArchive archive = DirectoryArchive.open(Path.of(directory));
        ExecutorService executor = Executors.newCachedThreadPool();
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            DicomClient moveClient = new DicomClient(aeTitle, AssociationSettings.DEFAULT, executor, tls);
            QueryRetrieveScp queryRetrieve = new QueryRetrieveScp(executor).find(archive).get(archive)
                    .move(archive, moveClient, destinations);
            DimseServiceRouter router = new DimseServiceRouter(queryRetrieve).store(archive);
            AssociationAcceptor acceptor = listen(config, router, executor);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                acceptor.close();
                executor.shutdown();
                awaitQuietly(executor);
                stopped.countDown();
            }, "harmony-dicom-scp-stop"));
            out.printf("%s listening on %s:%d%s, serving %s: %s%n", aeTitle, config.bindAddress(), acceptor.port(),
                    tls == null ? "" : " (TLS)", archive.directory(), archive.size());
            out.flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }

    private static AssociationAcceptor listen(AcceptorConfig config, DimseServiceRouter router, ExecutorService executor)
            throws CommandException {
        try {
            return new AssociationAcceptor(config, router, executor).start();
        } catch (IOException e) {
            throw CommandException.failure("cannot listen on " + config.bindAddress() + ":" + config.port() + ": "
                    + e.getMessage());
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
