package org.harmonyee.dicom.net.archive;

import org.harmonyee.dicom.net.TestThreads;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.service.AeTable;
import org.harmonyee.dicom.net.service.DicomClient;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.service.RemoteAE;

import java.nio.file.Path;
import java.util.Map;

/** A {@link DirectoryArchive} served as AE HARMONY on a loopback port, the way the scp command serves it. */
final class ArchiveServer implements AutoCloseable {

    static final String AE_TITLE = "HARMONY";

    private final TestThreads threads;
    private final DirectoryArchive archive;
    private final DicomClient client;
    private final AssociationAcceptor acceptor;

    private ArchiveServer(TestThreads threads, DirectoryArchive archive, DicomClient client, AssociationAcceptor acceptor) {
        this.threads = threads;
        this.archive = archive;
        this.client = client;
        this.acceptor = acceptor;
    }

    static ArchiveServer start(Path directory, AeTable destinations) throws Exception {
        TestThreads threads = new TestThreads("archive-test");
        DirectoryArchive archive = DirectoryArchive.open(directory);
        DicomClient client = new DicomClient(AE_TITLE, AssociationSettings.DEFAULT, threads.executor(), null);
        QueryRetrieveScp queryRetrieve = new QueryRetrieveScp(threads.executor()).find(archive).get(archive)
                .move(archive, client, destinations);
        AssociationAcceptor acceptor = new AssociationAcceptor(AcceptorConfig.loopback(AE_TITLE),
                new DimseServiceRouter(queryRetrieve).store(archive), threads.executor()).start();
        return new ArchiveServer(threads, archive, client, acceptor);
    }

    static ArchiveServer start(Path directory) throws Exception {
        return start(directory, new AeTable(Map.of()));
    }

    DirectoryArchive archive() {
        return archive;
    }

    /** A client calling as HARMONY, on the server's threads. */
    DicomClient client() {
        return client;
    }

    int port() {
        return acceptor.port();
    }

    String portText() {
        return Integer.toString(acceptor.port());
    }

    RemoteAE remote() {
        return RemoteAE.plain(AE_TITLE, "127.0.0.1", acceptor.port());
    }

    @Override
    public void close() throws InterruptedException {
        acceptor.close();
        threads.close();
    }
}
