package org.harmonyee.dicom.tool;

/**
 * Why a command did not do its work, as the operator should read it, with the exit status:
 * 1 for input that is missing, not DICOM or corrupt; 2 for arguments the command does not accept.
 */
public final class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    private CommandException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The input cannot be read as DICOM (or at all). */
    public static CommandException failure(String message) {
        return new CommandException(1, message);
    }

    /** The arguments are wrong; the usage text follows the message. */
    public static CommandException usage(String message) {
        return new CommandException(2, message);
    }

    public int status() {
        return status;
    }

    public boolean isUsage() {
        return status == 2;
    }
}
