package org.harmonyee.dicom.net.service;

import org.harmonyee.dicom.net.dimse.DimseException;

import java.io.IOException;
import java.io.InputStream;

/**
 * The Storage SCP handler (PS3.4 B). Called on the association's reader thread with the data set
 * as it arrives from the network, encoded in {@link ScpContext#transferSyntax()}: stream it to its
 * destination (never into memory whole). The SOP class and instance are in the request.
 */
@FunctionalInterface
public interface CStoreScp {

    /**
     * @return the status to answer: 0000, or a B0xx warning
     * @throws DimseException to answer with its status (A700 out of resources, A900 data set does
     *                        not match SOP class, C000 cannot understand...) and ErrorComment
     * @throws IOException    reading the data set failed: the association is aborted
     */
    int store(ScpContext context, InputStream dataSet) throws DimseException, IOException;
}
