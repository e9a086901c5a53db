package org.harmonyee.services.dimse;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.service.CFindScp;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.tls.DicomTls;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A PACS whose C-FIND the test scripts, built from the toolkit's SCP framework on a loopback port:
 * for what dcmqrscp cannot be made to do on cue (hold back its last match, go silent).
 */
final class TestScp implements AutoCloseable {

    static final String AE_TITLE = "TESTSCP";

    private final AssociationAcceptor acceptor;

    private TestScp(AssociationAcceptor acceptor) {
        this.acceptor = acceptor;
    }

    /** @param port 0 for any free port */
    static TestScp start(int port, CFindScp find, Executor executor, DicomTls tls) throws IOException {
        AcceptorConfig config = new AcceptorConfig("127.0.0.1", port, Set.of(AE_TITLE), Set.of(),
                AcceptorConfig.loopback(AE_TITLE).capabilities(), AcceptorConfig.DEFAULT_MAX_ASSOCIATIONS,
                AcceptorConfig.loopback(AE_TITLE).settings(), tls);
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(executor).find(find));
        return new TestScp(new AssociationAcceptor(config, router, executor).start());
    }

    /** Echo only: its C-FIND answers no match. */
    static TestScp echo(int port, Executor executor) throws IOException {
        return start(port, (context, identifier, matches) -> { }, executor, null);
    }

    /** A study-level match with its number as Study Instance UID {@code 1.2.3.<n>}. */
    static Attributes match(int n) {
        Attributes match = new Attributes();
        match.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        match.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3." + n);
        return match;
    }

    int port() {
        return acceptor.port();
    }

    int activeAssociations() {
        return acceptor.activeAssociations();
    }

    @Override
    public void close() {
        acceptor.close();
    }
}
