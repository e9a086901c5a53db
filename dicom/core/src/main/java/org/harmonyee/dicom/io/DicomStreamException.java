package org.harmonyee.dicom.io;

import java.io.IOException;

/** The input is not valid DICOM: the message names the byte offset and, when known, the tag. */
public final class DicomStreamException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public DicomStreamException(long offset, String tag, String reason) {
        super("at offset " + offset + (tag == null ? "" : ", " + tag) + ": " + reason);
        this.offset = offset;
    }

    public DicomStreamException(long offset, String tag, String reason, Throwable cause) {
        this(offset, tag, reason);
        initCause(cause);
    }

    public long offset() {
        return offset;
    }
}
