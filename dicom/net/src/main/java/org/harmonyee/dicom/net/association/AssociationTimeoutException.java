package org.harmonyee.dicom.net.association;

import java.net.SocketTimeoutException;

/**
 * A timer of an established association expired (no DIMSE response within the DIMSE timeout, idle,
 * ARTIM) and the association was aborted: what waited on it fails with this. A
 * {@link SocketTimeoutException}, so that callers tell "the peer went silent" from "the connection
 * broke" the way they do for a connect or read timeout.
 */
public final class AssociationTimeoutException extends SocketTimeoutException {

    private static final long serialVersionUID = 1L;

    public AssociationTimeoutException(String message) {
        super(message);
    }
}
