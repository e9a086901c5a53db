package org.harmonyee.it;

import org.harmonyee.dicom.net.archive.DirectoryArchive;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.association.TransferCapabilities;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The PACS behind the gateway's DICOM router in the deployment tests: the synthetic test dataset
 * served by our toolkit's folder archive on the port the build reserved, as {@value #AE_TITLE};
 * what is stored to it goes into a folder of the test's.
 */
final class TestPacs implements AutoCloseable {

    static final String AE_TITLE = "IT_PACS";

    private final ExecutorService executor;
    private final AssociationAcceptor acceptor;

    private TestPacs(ExecutorService executor, AssociationAcceptor acceptor) {
        this.executor = executor;
        this.acceptor = acceptor;
    }

    static TestPacs start(int port) throws IOException {
        return start(port, Files.createTempDirectory("it-pacs-store"));
    }

    /** Serves the test dataset and stores into {@code storage}. */
    static TestPacs start(int port, Path storage) throws IOException {
        ExecutorService executor = Executors.newCachedThreadPool();
        DirectoryArchive archive = DirectoryArchive.open(TestDataset.directory());
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(executor).find(archive).get(archive))
                .store(DirectoryArchive.open(storage));
        AcceptorConfig config = new AcceptorConfig("127.0.0.1", port, Set.of(AE_TITLE), Set.of(),
                TransferCapabilities.defaults(), AcceptorConfig.DEFAULT_MAX_ASSOCIATIONS, AssociationSettings.DEFAULT,
                null);
        return new TestPacs(executor, new AssociationAcceptor(config, router, executor).start());
    }

    /** The associations open on the PACS now: the gateway's, while it retrieves, finds or stores. */
    int activeAssociations() {
        return acceptor.activeAssociations();
    }

    @Override
    public void close() {
        acceptor.close();
        executor.shutdownNow();
    }
}
