package org.harmonyee.services.dimse;

import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.net.association.AcceptorConfig;
import org.harmonyee.dicom.net.association.AssociationAcceptor;
import org.harmonyee.dicom.net.association.AssociationSettings;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Status;
import org.harmonyee.dicom.net.service.CStoreScp;
import org.harmonyee.dicom.net.service.DimseServiceRouter;
import org.harmonyee.dicom.net.service.QueryRetrieveScp;
import org.harmonyee.dicom.net.service.RetrieveResult;
import org.harmonyee.dicom.net.service.ScpContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The C-STORE SCP that the backend's C-MOVEs name as their destination ({@code dimse_retrieve_mode
 * = "move"}): it listens on {@code incoming_store_port} as the backend's {@code local_aet}, accepts
 * associations only from the PACS's AE titles, and hands each instance to the retrieve waiting for
 * it, found by the sub-operation's Move Originator Message ID. Each C-MOVE gets a Message ID no
 * other running one has, so that concurrent moves never receive each other's instances; an
 * instance no move waits for is refused (0110) and its data set discarded.
 */
final class MoveDestinationScp implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MoveDestinationScp.class.getName());

    /** A C-MOVE, started with the Message ID its sub-operations will name. */
    @FunctionalInterface
    interface Move {
        RetrieveResult run(int messageId) throws IOException, DimseException;
    }

    private final String backend;
    private final String aeTitle;
    private final Map<Integer, CStoreScp> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final AssociationAcceptor acceptor;

    private MoveDestinationScp(String backend, String aeTitle, AcceptorConfig config, Executor executor)
            throws IOException {
        this.backend = backend;
        this.aeTitle = aeTitle;
        DimseServiceRouter router = new DimseServiceRouter(new QueryRetrieveScp(executor)).store(this::store);
        this.acceptor = new AssociationAcceptor(config, router, executor).start();
    }

    /**
     * Listens on {@code bindAddress:port} as {@code aeTitle} for the PACS's AE titles.
     *
     * @throws IOException the port cannot be opened
     */
    static MoveDestinationScp start(String backend, String aeTitle, String bindAddress, int port,
                                    Set<String> pacsAeTitles, AssociationSettings settings, Executor executor)
            throws IOException {
        AcceptorConfig config = new AcceptorConfig(bindAddress, port, Set.of(aeTitle), pacsAeTitles,
                RetrieveProposal.moveCapabilities(),
                AcceptorConfig.DEFAULT_MAX_ASSOCIATIONS, settings, null);
        return new MoveDestinationScp(backend, aeTitle, config, executor);
    }

    String aeTitle() {
        return aeTitle;
    }

    int port() {
        return acceptor.port();
    }

    /** Runs {@code move} with a Message ID of its own; the instances it brings go to {@code store} until it ends. */
    RetrieveResult receive(CStoreScp store, Move move) throws IOException, DimseException {
        int messageId = register(store);
        try {
            return move.run(messageId);
        } finally {
            waiting.remove(messageId);
        }
    }

    private int register(CStoreScp store) {
        while (true) {
            int id = messageIds.incrementAndGet() & 0xFFFF;
            if (id != 0 && waiting.putIfAbsent(id, store) == null) {
                return id;
            }
        }
    }

    private int store(ScpContext context, InputStream dataSet) throws DimseException, IOException {
        int originator = context.request().getInt(Tag.MoveOriginatorMessageID, -1);
        CStoreScp target = originator < 0 ? onlyWaiting() : waiting.get(originator);
        if (target == null) {
            dataSet.transferTo(OutputStream.nullOutputStream());
            LOG.log(Level.WARNING, () -> context + ": backend '" + backend + "': refused an instance no C-MOVE waits"
                    + " for (Move Originator Message ID " + originator + ")");
            throw new DimseException(Status.PROCESSING_FAILURE, "no C-MOVE of " + aeTitle + " waits for it");
        }
        return target.store(context, dataSet);
    }

    /** A PACS that leaves out the Move Originator Message ID: the one running move, if only one runs. */
    private CStoreScp onlyWaiting() {
        List<CStoreScp> running = List.copyOf(waiting.values());
        return running.size() == 1 ? running.get(0) : null;
    }

    @Override
    public void close() {
        acceptor.close();
    }
}
