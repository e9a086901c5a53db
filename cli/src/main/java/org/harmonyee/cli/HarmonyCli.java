package org.harmonyee.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point: {@code validate --config PATH}, {@code listeners --config PATH --server payara|wildfly}
 * {@code await-ready --config PATH [--pid PID] [--timeout-seconds N]} and
 * {@code management-user --file PATH --user NAME --groups G1,G2 [--password P]}.
 * Exit codes: 0 success, 1 the configuration is invalid, 2 usage error.
 */
public final class HarmonyCli {

    private HarmonyCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: harmony-cli validate --config PATH | listeners --config PATH --server payara|wildfly [--embed standalone.xml]"
                    + " | await-ready --config PATH [--pid PID] [--timeout-seconds N]"
                    + " | management-user --file PATH --user NAME --groups G1,G2 [--password P]");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "validate" -> new ValidateCommand(out, err).run(rest);
            case "listeners" -> new ListenersCommand(out, err).run(rest);
            case "await-ready" -> new AwaitReadyCommand(out, err).run(rest);
            case "management-user" -> new ManagementUserCommand(out, err).run(rest);
            default -> {
                err.println("unknown command '" + args[0] + "'; expected validate, listeners, await-ready or management-user");
                yield 2;
            }
        };
    }
}
