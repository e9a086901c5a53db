package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.net.association.Association;
import org.harmonyee.dicom.net.association.RequestHandler;
import org.harmonyee.dicom.net.dimse.DimseException;
import org.harmonyee.dicom.net.dimse.Priority;

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

    ScuAssociation(DicomClient client) {
        this.client = client;
        this.incoming = new DimseServiceRouter(new QueryRetrieveScp(Runnable::run));
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
        return CStoreScu.store(association, sopClassUid, sopInstanceUid, transferSyntax, dataSet, Priority.MEDIUM);
    }

    /**
     * C-FIND with a callback per match (on the reader thread; return false to cancel).
     *
     * @return the final status, 0000 or FE00 when cancelled
     */
    public int find(String sopClassUid, Attributes keys, CFindScu.Matches matches) throws IOException, DimseException {
        return CFindScu.find(association, sopClassUid, keys, Priority.MEDIUM, matches);
    }

    /** C-FIND collecting every match. */
    public List<Attributes> find(String sopClassUid, Attributes keys) throws IOException, DimseException {
        List<Attributes> matches = new ArrayList<>();
        CFindScu.find(association, sopClassUid, keys, Priority.MEDIUM, matches::add);
        return matches;
    }

    public boolean isOpen() {
        return association.isOpen();
    }

    @Override
    public void close() {
        association.close();
    }
}
