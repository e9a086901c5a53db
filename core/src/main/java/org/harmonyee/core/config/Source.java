package org.harmonyee.core.config;

/**
 * Where a table was defined: the file (relative to config.toml's directory) and the table name.
 */
public record Source(String file, String table) {

    public Source child(String subtable) {
        return new Source(file, table == null ? subtable : table + "." + subtable);
    }

    @Override
    public String toString() {
        return table == null ? file : file + ": [" + table + "]";
    }
}
