package org.harmonyee.server.lifecycle;

import org.harmonyee.core.config.GatewayConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Applies {@code [proxy] log_level} and {@code [logging]} to the gateway's loggers. */
final class LogLevels {

    private static final Map<String, Level> LEVELS = Map.of(
            "trace", Level.FINEST, "debug", Level.FINE, "info", Level.INFO, "warn", Level.WARNING, "error", Level.SEVERE);

    /** Held so the level survives: java.util.logging keeps loggers only weakly. */
    private static final Logger ROOT = Logger.getLogger("org.harmonyee");

    private LogLevels() {
    }

    static void apply(GatewayConfig config) {
        ROOT.setLevel(LEVELS.getOrDefault(config.proxy().logLevel(), Level.INFO));
        if (config.logging().logToFile()) {
            try {
                Files.createDirectories(config.logging().logFilePath().toAbsolutePath().getParent());
                FileHandler handler = new FileHandler(config.logging().logFilePath().toString(), true);
                handler.setFormatter(new SimpleFormatter());
                ROOT.addHandler(handler);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open log_file_path " + config.logging().logFilePath(), e);
            }
        }
    }
}
