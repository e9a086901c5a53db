package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * One operator command. It parses its own arguments, does its work through the toolkit, writes
 * its result to {@code out}, and reports what went wrong as a {@link CommandException}, which
 * {@link DicomTool} prints as one line and turns into the exit status.
 */
public interface Command {

    /** The arguments and what the command does, for the usage text: {@code "[OPTIONS] FILE  ..."}. */
    String usage();

    /** Runs with the arguments that follow the command's name; returns normally on success (status 0). */
    void run(List<String> arguments, PrintStream out) throws CommandException, IOException;
}
