package org.harmonyee.cli;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.config.ConfigReader;
import org.harmonyee.core.config.GatewayConfig;

import java.io.PrintStream;

/**
 * A command that works on a valid configuration named by {@code --config}: a usage error exits
 * 2, an invalid configuration prints its problems and exits 1, otherwise the command runs.
 */
abstract class ConfiguredCommand {

    protected final PrintStream out;
    protected final PrintStream err;

    ConfiguredCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    final int run(String[] args) {
        Arguments arguments;
        GatewayConfig config;
        try {
            arguments = new Arguments(args);
            config = ConfigReader.read(arguments.config());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        return run(arguments, config);
    }

    /** Runs on the configuration that was read; returns the exit code. */
    abstract int run(Arguments arguments, GatewayConfig config);
}
