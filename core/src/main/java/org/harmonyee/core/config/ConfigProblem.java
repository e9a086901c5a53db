package org.harmonyee.core.config;

/**
 * One thing wrong with a configuration, located by file, table and key, e.g.
 * {@code pipelines/fhir.toml: [backends.pacs] port: expected 1-65535, got 0}.
 *
 * @param file    the file, relative to the directory of config.toml
 * @param table   the TOML table, e.g. {@code backends.pacs}; null for a whole-file problem
 * @param key     the key inside the table; null for a whole-table problem
 * @param message what is wrong, in the operator's words
 */
public record ConfigProblem(String file, String table, String key, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file).append(": ");
        if (table != null) {
            text.append('[').append(table).append("] ");
        }
        if (key != null) {
            text.append(key).append(": ");
        }
        return text.append(message).toString();
    }
}
