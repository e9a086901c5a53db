package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.RequestHandler;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;
import org.harmonyee.dicom.net.dimse.Status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An SCU's open association to one remote AE, with the DIMSE services as typed calls. Close it to
 * release the association (A-RELEASE); it is also aborted if the peer misbehaves or a timer expires.
 */
public final class ScuAssociation implements AutoCloseable {

    private final DicomClient client;
    private final DimseServiceRouter incoming;
    private Association association;
    private volatile CStoreScp getStore;

    ScuAssociation(DicomClient client) {
        this.client = client;
        this.incoming = new DimseServiceRouter(new QueryRetrieveScp(Runnable::run)).store(this::storeFromGet);
    }

    /** C-STORE sub-operations of a running C-GET go to its store handler; others are refused. */
    private int storeFromGet(ScpContext context, InputStream dataSet) throws DimseException, IOException {
        CStoreScp store = getStore;
        if (store == null) {
            throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "no C-GET is running on this association");
        }
        return store.store(context, dataSet);
    }

    RequestHandler requestHandler() {
        return incoming;
    }

    void attach(Association value) {
        this.association = value;
    }

    public Association association() {
        return association;
    }

    public String callingAETitle() {
        return client.aeTitle();
    }

    /** C-ECHO; returns the status (0000). */
    public int echo() throws IOException, DimseException {
        return CEchoScu.echo(association);
    }

    /** C-STORE of a PS3.10 file, its data set streamed as stored; returns the status (0000 or a warning). */
    public int store(Path file) throws IOException, DimseException {
        return CStoreScu.store(association, file, Priority.MEDIUM);
    }

    /** C-STORE of a data set read from a stream (no File Meta Information) in {@code transferSyntax}. */
    public int store(String sopClassUid, String sopInstanceUid, String transferSyntax, InputStream dataSet)
            throws IOException, DimseException {
        return store(sopClassUid, sopInstanceUid, transferSyntax, dataSet, Priority.MEDIUM);
    }

    /** As {@link #store(String, String, String, InputStream)}, at {@code priority}. */
    public int store(String sopClassUid, String sopInstanceUid, String transferSyntax, InputStream dataSet,
                     Priority priority) throws IOException, DimseException {
        return CStoreScu.store(association, sopClassUid, sopInstanceUid, transferSyntax, dataSet, priority);
    }

    /** As {@link #store(String, String, String, InputStream, Priority)}, as a sub-operation of {@code originator}'s C-MOVE. */
    public int store(String sopClassUid, String sopInstanceUid, String transferSyntax, InputStream dataSet,
                     Priority priority, CStoreScu.MoveOriginator originator) throws IOException, DimseException {
        return CStoreScu.store(association, sopClassUid, sopInstanceUid, transferSyntax, dataSet, priority, originator);
    }

    /**
     * C-FIND with a callback per match (on the reader thread; return false to cancel).
     *
     * @return the final status, 0000 or FE00 when cancelled
     */
    public int find(String sopClassUid, Attributes keys, CFindScu.Matches matches) throws IOException, DimseException {
        return CFindScu.find(association, sopClassUid, keys, Priority.MEDIUM, matches);
    }

    /** C-FIND whose matches are pulled as they arrive; close the results to cancel early. */
    public FindResults findResults(String sopClassUid, Attributes keys) throws IOException, DimseException {
        return findResults(sopClassUid, keys, Priority.MEDIUM);
    }

    /** As {@link #findResults(String, Attributes)}, at {@code priority}. */
    public FindResults findResults(String sopClassUid, Attributes keys, Priority priority)
            throws IOException, DimseException {
        return FindResults.start(association, sopClassUid, keys, priority);
    }

    /** C-FIND collecting every match. */
    public List<Attributes> find(String sopClassUid, Attributes keys) throws IOException, DimseException {
        List<Attributes> matches = new ArrayList<>();
        CFindScu.find(association, sopClassUid, keys, Priority.MEDIUM, matches::add);
        return matches;
    }

    /**
     * C-GET: the instances arrive as C-STORE sub-operations on this association, each given to
     * {@code store} as it streams in (propose the storage classes with {@link Proposal#scpRole}).
     *
     * @throws DimseException the SCP's failure status (A701, A900, C000 ...)
     */
    public RetrieveResult get(String sopClassUid, Attributes keys, CStoreScp store, RetrieveScu.Listener listener)
            throws IOException, DimseException {
        return get(sopClassUid, keys, Priority.MEDIUM, store, listener);
    }

    /** As {@link #get(String, Attributes, CStoreScp, RetrieveScu.Listener)}, at {@code priority}. */
    public RetrieveResult get(String sopClassUid, Attributes keys, Priority priority, CStoreScp store,
                              RetrieveScu.Listener listener) throws IOException, DimseException {
        getStore = store;
        try {
            return RetrieveScu.get(association, sopClassUid, keys, priority, listener);
        } finally {
            getStore = null;
        }
    }

    /** C-MOVE to {@code destination}, an AE title the SCP knows. */
    public RetrieveResult move(String sopClassUid, Attributes keys, String destination, RetrieveScu.Listener listener)
            throws IOException, DimseException {
        return move(sopClassUid, keys, destination, Priority.MEDIUM, listener);
    }

    /** As {@link #move(String, Attributes, String, RetrieveScu.Listener)}, at {@code priority}. */
    public RetrieveResult move(String sopClassUid, Attributes keys, String destination, Priority priority,
                               RetrieveScu.Listener listener) throws IOException, DimseException {
        return RetrieveScu.move(association, sopClassUid, keys, destination, priority, listener);
    }

    /** As {@link #move(String, Attributes, String, Priority, RetrieveScu.Listener)}, with {@code messageId} as its Message ID. */
    public RetrieveResult move(String sopClassUid, Attributes keys, String destination, Priority priority, int messageId,
                               RetrieveScu.Listener listener) throws IOException, DimseException {
        return RetrieveScu.move(association, messageId, sopClassUid, keys, destination, priority, listener);
    }

    public boolean isOpen() {
        return association.isOpen();
    }

    @Override
    public void close() {
        association.close();
    }
}
