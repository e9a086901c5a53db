package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * One named endpoint, backend, target or middleware table: its type ({@code service} or
 * {@code type}) and its options. Options are read from the {@code options} sub-table and, as the
 * Harmony docs also show them, from keys placed directly in the table.
 *
 * @param name          the table's name, e.g. {@code pacs} for {@code [backends.pacs]}
 * @param type          the service or middleware type
 * @param options       the merged options
 * @param source        where the options are defined
 * @param baseDirectory the directory relative paths in the options resolve against
 */
public record ComponentConfig(String name, String type, ObjectNode options, Source source, Path baseDirectory) {

    /** Typed access to the options, reporting into the given problems. */
    public Options options(Problems problems) {
        return new Options(options, source, problems, baseDirectory);
    }
}
