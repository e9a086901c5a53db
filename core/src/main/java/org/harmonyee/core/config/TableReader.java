package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns the merged named tables into records, checking each table's own keys. */
final class TableReader {

    private static final Set<String> COMPONENT_KEYS = Set.of("service", "type", "options");
    private static final Set<String> PIPELINE_KEYS = Set.of("description", "networks", "endpoints", "middleware",
            "backends");

    private final ConfigReader.TableSet tables;
    private final Problems problems;
    private final Path directory;

    TableReader(ConfigReader.TableSet tables, Problems problems, Path directory) {
        this.tables = tables;
        this.problems = problems;
        this.directory = directory;
    }

    Map<String, NetworkConfig> networks() {
        return new NetworkReader(problems, directory).read(tables.of("network"));
    }

    LoggingSettings logging(Options logging) {
        TableShape.check(logging, Set.of("log_to_file", "log_file_path"), Set.of());
        boolean toFile = logging.bool("log_to_file", false);
        Path file = logging.path("log_file_path").orElse(null);
        if (toFile && file == null) {
            logging.problem("log_file_path", "required when log_to_file = true");
        }
        return new LoggingSettings(toFile, file);
    }

    StorageSettings storage(Options storage) {
        TableShape.check(storage, Set.of("backend"), Set.of("options"));
        String backend = storage.oneOf("backend", ConfigDefaults.STORAGE_BACKEND, Set.of(ConfigDefaults.STORAGE_BACKEND));
        JsonNode optionsNode = storage.raw("options");
        Options options = options(optionsNode != null && optionsNode.isObject() ? (ObjectNode) optionsNode : null,
                storage.source().child("options"));
        TableShape.check(options, Set.of("path"), Set.of());
        Path path = options.path("path").orElse(directory.resolve(ConfigDefaults.STORAGE_PATH).normalize());
        return new StorageSettings(backend, path);
    }

    Map<String, TypeDeclaration> declarations(String kind) {
        Map<String, TypeDeclaration> declarations = new LinkedHashMap<>();
        tables.of(kind).forEach((name, located) -> {
            Options declaration = options(located.table(), located.source());
            TableShape.check(declaration, Set.of("module"), Set.of());
            String module = declaration.string("module", "");
            if (!module.isBlank()) {
                problems.add(located.source(), "module", "dynamic modules are not supported; "
                        + "leave module empty to use the built-in '" + name + "'");
            }
            declarations.put(name, new TypeDeclaration(name, module, located.source()));
        });
        return declarations;
    }

    Map<String, PipelineConfig> pipelines() {
        Map<String, PipelineConfig> pipelines = new LinkedHashMap<>();
        tables.of("pipelines").forEach((name, located) -> {
            Options pipeline = options(located.table(), located.source());
            TableShape.check(pipeline, PIPELINE_KEYS, Set.of());
            pipelines.put(name, new PipelineConfig(name, pipeline.string("description", ""),
                    pipeline.strings("networks"), pipeline.strings("endpoints"), pipeline.strings("middleware"),
                    pipeline.strings("backends"), located.source()));
        });
        return pipelines;
    }

    /**
     * Named components; {@code typeKey} is the key naming the type ("service" or "type"), or null
     * for targets, whose type is optional.
     */
    Map<String, ComponentConfig> components(String kind, String typeKey) {
        Map<String, ComponentConfig> components = new LinkedHashMap<>();
        tables.of(kind).forEach((name, located) -> {
            ObjectNode table = located.table();
            Options own = options(table, located.source());
            String type = typeKey == null ? own.string("type", "http") : own.requiredString(typeKey);
            ObjectNode merged = table.objectNode();
            table.properties().stream()
                    .filter(entry -> !COMPONENT_KEYS.contains(entry.getKey()))
                    .forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
            Source source = located.source();
            JsonNode nested = table.get("options");
            if (nested != null && !nested.isObject()) {
                problems.add(source, "options", "expected a table");
            } else if (nested != null) {
                source = source.child("options");
                for (Map.Entry<String, JsonNode> option : nested.properties()) {
                    if (merged.has(option.getKey())) {
                        problems.add(source, option.getKey(), "also set directly in [" + located.source().table()
                                + "]; set it in one place");
                    }
                    merged.set(option.getKey(), option.getValue());
                }
            }
            components.put(name, new ComponentConfig(name, type, merged, source, directory));
        });
        return components;
    }

    private Options options(ObjectNode node, Source source) {
        return new Options(node, source, problems, directory);
    }
}
