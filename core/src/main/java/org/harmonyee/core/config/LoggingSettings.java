package org.harmonyee.core.config;

import java.nio.file.Path;

/** {@code [logging]}: an optional file that receives the gateway's log besides the server log. */
public record LoggingSettings(boolean logToFile, Path logFilePath) {
}
