package org.harmonyee.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads TOML files into trees, turning syntax errors into located problems. */
final class TomlFiles {

    private static final TomlMapper MAPPER = new TomlMapper();

    private TomlFiles() {
    }

    static Optional<ObjectNode> parse(Path file, String label, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new ConfigProblem(label, null, null, "file not found: " + file.toAbsolutePath()));
            return Optional.empty();
        }
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (tree == null || tree.isMissingNode()) {
                return Optional.of(MAPPER.createObjectNode());
            }
            return Optional.of((ObjectNode) tree);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            problems.add(new ConfigProblem(label, null, null, "not valid TOML" + where + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new ConfigProblem(label, null, null, "cannot read " + file.toAbsolutePath() + ": " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** The {@code *.toml} files directly inside a directory, in name order. */
    static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".toml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }
}
