package org.harmonyee.dicom.net.association;

import org.harmonyee.dicom.net.dimse.Command;
import org.harmonyee.dicom.net.pdu.PresentationContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the DIMSE requests (including C-CANCEL) an association's peer sends. It is called on
 * the association's reader thread: the data set (null when the command has none) must be read, or
 * left unread, before returning (the rest is skipped), and long work must go to another thread so
 * that the reader can keep receiving (C-CANCEL, sub-operation responses). An IOException aborts
 * the association.
 */
@FunctionalInterface
public interface RequestHandler {

    /** @param context the accepted presentation context the request came on (null for C-CANCEL) */
    void onRequest(Association association, PresentationContext context, Command command, InputStream dataSet)
            throws IOException;
}
