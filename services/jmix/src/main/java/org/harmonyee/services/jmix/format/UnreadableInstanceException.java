package org.harmonyee.services.jmix.format;

import java.io.IOException;

/**
 * An instance handed to the writer that is not DICOM it can package (not PS3.10, no SOP Instance
 * UID): the fault of whoever sent it, where other IOExceptions of the writer are the store's.
 */
public final class UnreadableInstanceException extends IOException {

    public UnreadableInstanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
