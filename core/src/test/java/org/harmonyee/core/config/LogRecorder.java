package org.harmonyee.core.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records the WARNING (and higher) messages of one logger while open, for tests of startup
 * warnings. The classes under test log through {@link System.Logger}, which is
 * java.util.logging when nothing else is on the class path.
 */
public final class LogRecorder extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private LogRecorder(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /** Starts recording the logger of {@code type} (the class's name, as the classes name their loggers). */
    public static LogRecorder of(Class<?> type) {
        return new LogRecorder(Logger.getLogger(type.getName()));
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record.getMessage());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
