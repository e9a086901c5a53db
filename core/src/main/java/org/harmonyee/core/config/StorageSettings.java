package org.harmonyee.core.config;

import java.nio.file.Path;

/** {@code [storage]}: where the gateway keeps files (only the "filesystem" backend exists). */
public record StorageSettings(String backend, Path path) {
}
