package org.harmonyee.services.dimse;

import org.harmonyee.dicom.net.archive.DirectoryArchive;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.service.AeTable;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.service.RemoteAE;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PACS behind {@code mock_dicom}: the toolkit's folder archive served by its own
 * Query/Retrieve SCP as {@value #AE_TITLE} on 127.0.0.1, a free port. It answers C-ECHO, C-FIND,
 * C-GET, C-STORE and, to the destinations it is given, C-MOVE. Its threads are its own daemon
 * threads (it must run while a configuration is only validated, when the gateway lends none);
 * {@link #close} closes the port and stops them.
 */
final class MockPacs implements AutoCloseable {

    static final String AE_TITLE = "MOCK_PACS";

    private final ExecutorService executor;
    private final AssociationAcceptor acceptor;

    private MockPacs(ExecutorService executor, AssociationAcceptor acceptor) {
        this.executor = executor;
        this.acceptor = acceptor;
    }

    /**
     * Serves the instances below {@code folder}.
     *
     * @param destinations the C-MOVE destinations by AE title
     * @throws IOException the folder cannot be read or no port can be opened
     */
    static MockPacs start(String backend, Path folder, Map<String, MoveDestination> destinations) throws IOException {
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "harmony-mock-pacs-" + backend + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            DirectoryArchive archive = DirectoryArchive.open(folder);
            Map<String, RemoteAE> table = new LinkedHashMap<>();
            destinations.values().forEach(destination -> table.put(destination.aeTitle(),
                    new RemoteAE(destination.aeTitle(), destination.host(), destination.port(), false)));
            QueryRetrieveScp queryRetrieve = new QueryRetrieveScp(executor).find(archive).get(archive)
                    .move(archive, new DicomClient(AE_TITLE, AssociationSettings.DEFAULT, executor, null),
                            new AeTable(table));
            DimseServiceRouter router = new DimseServiceRouter(queryRetrieve).store(archive);
            return new MockPacs(executor, new AssociationAcceptor(AcceptorConfig.loopback(AE_TITLE), router, executor)
                    .start());
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** Where it listens: {@code dicom://MOCK_PACS@127.0.0.1:port}. */
    URI address() {
        try {
            return new URI("dicom", AE_TITLE, "127.0.0.1", acceptor.port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("an AE title, a loopback address and a port always make a URI", e);
        }
    }

    @Override
    public void close() {
        acceptor.close();
        executor.shutdownNow();
    }
}
