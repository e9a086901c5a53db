package org.harmonyee.core.config;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys and sub-tables a table of fixed shape ({@code [proxy]}, {@code [network.NAME]}, ...) may
 * have. An unknown sub-table is a problem: it holds settings meant for something this gateway does
 * not have. An unknown key is a startup warning naming file, table and key (never silently
 * ignored), since the Rust Harmony ignores unknown keys and a configuration written for it must
 * still load.
 */
final class TableShape {

    private static final System.Logger LOG = System.getLogger(TableShape.class.getName());

    private TableShape() {
    }

    static void check(Options table, Set<String> keys, Set<String> tables) {
        for (String key : table.keys()) {
            if (keys.contains(key) || tables.contains(key)) {
                continue;
            }
            if (table.raw(key).isObject()) {
                table.problems().add(table.source().child(key), null, "unknown table; "
                        + (tables.isEmpty() ? "[" + table.source().table() + "] has no sub-tables"
                        : "expected one of " + new TreeSet<>(tables)));
            } else {
                warn(table.source(), key, "unknown key, ignored; expected one of " + new TreeSet<>(keys));
            }
        }
    }

    /** A startup warning in the problems' form: {@code file: [table] key: message}. */
    static void warn(Source source, String key, String message) {
        LOG.log(Level.WARNING, () -> new ConfigProblem(source.file(), source.table(), key, message).toString());
    }
}
