package org.harmonyee.dicom.net.dimse;

/**
 * A DIMSE operation failed with a status the peer sees (or sent): the complete protocol answer,
 * status plus ErrorComment (0000,0902). An SCP handler throws it to answer with that status; an SCU
 * receives it when the peer answered a failure. Checked: callers are built to handle a refusal.
 */
public class DimseException extends Exception {

    private final int status;
    private final String errorComment;

    public DimseException(int status, String errorComment) {
        super(Status.toString(status) + (errorComment == null || errorComment.isEmpty() ? "" : ": " + errorComment));
        this.status = status;
        this.errorComment = errorComment;
    }

    public DimseException(int status, String errorComment, Throwable cause) {
        this(status, errorComment);
        initCause(cause);
    }

    public int status() {
        return status;
    }

    /** At most 64 characters, as the LO value of ErrorComment allows. */
    public String errorComment() {
        return errorComment == null ? null : errorComment.length() > 64 ? errorComment.substring(0, 64) : errorComment;
    }
}
