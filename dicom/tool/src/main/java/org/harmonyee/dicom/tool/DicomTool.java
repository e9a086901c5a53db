package org.harmonyee.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.util.Map.entry;

/**
 * {@code ./harmony dicom [-v] COMMAND ARGS...}: finds the command by name and runs it. Exit status 0 on
 * success, 1 when the input is missing, not DICOM or corrupt or the peer refused, 2 for a usage
 * error. Messages go to stderr as one line each, never as a stack trace; the toolkit's own log
 * shows warnings only, and with {@code -v} every association and DIMSE message too.
 */
public final class DicomTool {

    /** The commands, by name. Registering a command is one line here. */
    private static final Map<String, Supplier<Command>> COMMANDS = new TreeMap<>(Map.ofEntries(
            entry("dump", DumpCommand::new),
            entry("echo", EchoCommand::new),
            entry("find", FindCommand::new),
            entry("get", GetCommand::new),
            entry("json", JsonCommand::new),
            entry("move", MoveCommand::new),
            entry("scp", ScpCommand::new),
            entry("store", StoreCommand::new)));

    private DicomTool() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        boolean verbose = args.length > 0 && args[0].equals("-v");
        if (System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %5$s%6$s%n");
            Logger root = Logger.getLogger("");
            root.setLevel(verbose ? Level.FINE : Level.WARNING);
            for (Handler handler : root.getHandlers()) {
                handler.setLevel(root.getLevel());
            }
        }
        int status = run(verbose ? Arrays.copyOfRange(args, 1, args.length) : args, out, err);
        out.flush();
        System.exit(status);
    }

    /** Runs one command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        Supplier<Command> command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("harmony dicom: unknown command '" + args[0] + "'");
            usage(err);
            return 2;
        }
        Command instance = command.get();
        List<String> arguments = Arrays.asList(args).subList(1, args.length);
        try {
            instance.run(arguments, out);
            out.flush();
            return out.checkError() ? 1 : 0;
        } catch (CommandException e) {
            err.println("harmony dicom " + args[0] + ": " + e.getMessage());
            if (e.isUsage()) {
                String usage = instance.usage();
                err.println("usage: harmony dicom " + args[0] + " " + usage);
                if (usage.contains(ScuConnection.USAGE)) {
                    err.println(ScuConnection.OPTIONS);
                }
                if (usage.contains(ScuConnection.USAGE) || usage.contains(TlsOptions.USAGE)) {
                    err.println(TlsOptions.OPTIONS);
                }
            }
            return e.status();
        } catch (IOException e) {
            err.println("harmony dicom " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream stream) {
        stream.println("usage: harmony dicom [-v] COMMAND ARGS...   (-v: log every association and DIMSE message)");
        COMMANDS.forEach((name, command) -> stream.println("  " + name + " " + command.get().usage()));
        stream.println(ScuConnection.OPTIONS);
        stream.println(TlsOptions.OPTIONS);
    }
}
