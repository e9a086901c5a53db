package org.harmonyee.cli;

import org.harmonyee.core.config.ConfigException;
import org.harmonyee.core.runtime.BuildContext;
import org.harmonyee.core.runtime.GatewayAssembler;
import org.harmonyee.core.runtime.GatewayRuntime;
import org.harmonyee.core.runtime.ServiceCatalog;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs exactly the checks the server runs at startup (reading and assembling), without serving,
 * and prints every problem with its file, table and key.
 */
final class ValidateCommand {

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path file;
        try {
            file = new Arguments(args).config();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            try (GatewayRuntime runtime = GatewayAssembler.readAndAssemble(file,
                    ServiceCatalog.standard(getClass().getClassLoader()),
                    config -> new BuildContext(config, Runnable::run, null, Clock.systemUTC(), "validate"))) {
                out.println(file + ": valid (" + runtime.pipelines().size() + " pipelines, "
                        + runtime.routes().all().size() + " routes, " + runtime.config().networks().size()
                        + " networks)");
            }
            return 0;
        } catch (ConfigException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        }
    }
}
