package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads config.toml and the pipeline files (every {@code *.toml} in {@code pipelines_path} and
 * {@code transforms_path}) into a {@link GatewayConfig}. Every problem found is
 * collected; if there is any, a {@link ConfigException} lists them all.
 */
public final class ConfigReader {

    static final List<String> MERGED_TABLES = List.of(
            "network", "services", "middleware_types", "pipelines", "endpoints", "backends", "targets", "middleware");
    private static final Set<String> BASE_ONLY_TABLES = Set.of("proxy", "management", "logging", "storage", "audit",
            "telemetry");
    /** Tables of the Rust Harmony that have no effect here: accepted with a warning saying so. */
    private static final Map<String, String> INEFFECTIVE_TABLES = Map.of("middleware_legacy",
            "has no effect in Harmony EE (the Rust Harmony does not apply it either); "
                    + "define [middleware.NAME] tables and list them in a pipeline's middleware");
    private static final Set<String> PROXY_KEYS = Set.of("id", "log_level", "pipelines_path", "transforms_path");

    private final Function<String, String> environment;

    public ConfigReader(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Reads with the process environment. */
    public static GatewayConfig read(Path configFile) {
        return new ConfigReader(System::getenv).load(configFile, new Problems());
    }

    /**
     * Reads the configuration, adding every problem to {@code problems}; throws if there is any.
     */
    public GatewayConfig load(Path configFile, Problems problems) {
        GatewayConfig config = collect(configFile, problems);
        problems.throwIfAny();
        return config;
    }

    /**
     * Reads as much of the configuration as can be read, adding every problem to {@code problems}
     * without throwing, so that assembly can report its own problems in the same list. Throws only
     * when config.toml itself cannot be parsed.
     */
    public GatewayConfig collect(Path configFile, Problems problems) {
        Path file = configFile.toAbsolutePath().normalize();
        Path directory = file.getParent();
        String label = file.getFileName().toString();
        ObjectNode base = TomlFiles.parse(file, label, problems).orElse(null);
        if (base == null) {
            problems.throwIfAny();
        }
        EnvSubstitution substitution = new EnvSubstitution(environment, problems);
        substitution.apply(base, new Source(label, null));

        TableSet tables = new TableSet(problems);
        Options proxy = table(base, "proxy", new Source(label, "proxy"), problems, directory);
        TableShape.check(proxy, PROXY_KEYS, Set.of("content_limits"));
        String id = proxy.requiredString("id");
        String logLevel = proxy.oneOf("log_level", ConfigDefaults.LOG_LEVEL,
                Set.of("trace", "debug", "info", "warn", "error"));
        Path pipelinesPath = proxy.path("pipelines_path").orElse(directory.resolve(ConfigDefaults.PIPELINES_PATH));
        Path transformsPath = proxy.path("transforms_path").orElse(directory.resolve(ConfigDefaults.TRANSFORMS_PATH));
        ContentLimits limits = ContentLimits.read(table(proxy.raw("content_limits"),
                new Source(label, "proxy.content_limits"), problems, directory));
        ProxySettings proxySettings = new ProxySettings(id, logLevel, pipelinesPath, transformsPath, limits);

        collect(base, label, tables, true);
        readPipelineFiles(pipelinesPath, "pipelines_path", proxy, directory, substitution, tables, problems);
        if (!pipelinesPath.normalize().equals(transformsPath.normalize())) {
            readPipelineFiles(transformsPath, "transforms_path", proxy, directory, substitution, tables, problems);
        }

        TableReader reader = new TableReader(tables, problems, directory);
        StorageSettings storage = reader.storage(table(base, "storage", new Source(label, "storage"), problems, directory));
        GatewayConfig config = new GatewayConfig(file, proxySettings,
                reader.networks(),
                ManagementReader.read(table(base, "management", new Source(label, "management"), problems, directory),
                        directory),
                reader.logging(table(base, "logging", new Source(label, "logging"), problems, directory)),
                storage,
                AuditReader.read(table(base, "audit", new Source(label, "audit"), problems, directory), storage, id,
                        directory),
                TelemetryReader.read(table(base, "telemetry", new Source(label, "telemetry"), problems, directory), id),
                reader.declarations("services"), reader.declarations("middleware_types"),
                reader.pipelines(), reader.components("endpoints", "service"),
                reader.components("backends", "service"), reader.components("targets", null),
                reader.components("middleware", "type"));
        new ReferenceCheck(config, problems).run();
        return config;
    }

    /**
     * Reads every {@code *.toml} directly inside {@code folder} as a pipeline file. The Rust Harmony
     * reads both {@code pipelines_path} and {@code transforms_path} this way; the JSON specs beside
     * them are left to the middleware that names them. A missing folder is a problem only when
     * {@code pipelines_path} names it explicitly.
     */
    private void readPipelineFiles(Path folder, String key, Options proxy, Path directory,
                                   EnvSubstitution substitution, TableSet tables, Problems problems) {
        if (!Files.isDirectory(folder)) {
            if (key.equals("pipelines_path") && proxy.has(key)) {
                proxy.problem(key, "not a directory: " + folder);
            }
            return;
        }
        try {
            for (Path pipelineFile : TomlFiles.list(folder)) {
                String label = relative(directory, pipelineFile);
                TomlFiles.parse(pipelineFile, label, problems).ifPresent(tree -> {
                    substitution.apply(tree, new Source(label, null));
                    collect(tree, label, tables, false);
                });
            }
        } catch (IOException e) {
            proxy.problem(key, "cannot list " + folder + ": " + e.getMessage());
        }
    }

    private static void collect(ObjectNode tree, String label, TableSet tables, boolean baseFile) {
        tree.properties().forEach(entry -> {
            String name = entry.getKey();
            if (MERGED_TABLES.contains(name)) {
                tables.merge(name, entry.getValue(), label);
            } else if (INEFFECTIVE_TABLES.containsKey(name)) {
                TableShape.warn(new Source(label, name), null, INEFFECTIVE_TABLES.get(name));
            } else if (BASE_ONLY_TABLES.contains(name)) {
                if (!baseFile) {
                    tables.problems().add(new ConfigProblem(label, name, null, "only allowed in config.toml"));
                }
            } else {
                tables.problems().add(new ConfigProblem(label, name, null, "unknown table; expected one of "
                        + (baseFile ? BASE_ONLY_TABLES + " or " : "") + MERGED_TABLES));
            }
        });
    }

    private static Options table(ObjectNode parent, String key, Source source, Problems problems, Path directory) {
        return table(parent == null ? null : parent.get(key), source, problems, directory);
    }

    private static Options table(JsonNode node, Source source, Problems problems, Path directory) {
        if (node != null && !node.isObject()) {
            problems.add(new ConfigProblem(source.file(), source.table(), null, "expected a table"));
            node = null;
        }
        return new Options((ObjectNode) node, source, problems, directory);
    }

    static String relative(Path directory, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(directory) ? directory.relativize(absolute).toString() : absolute.toString();
    }

    /** The merged named tables of all files, each remembering the file that defined it. */
    static final class TableSet {
        private final Map<String, Map<String, Located>> byKind = new LinkedHashMap<>();
        private final Problems problems;

        TableSet(Problems problems) {
            this.problems = problems;
            MERGED_TABLES.forEach(kind -> byKind.put(kind, new LinkedHashMap<>()));
        }

        Problems problems() {
            return problems;
        }

        Map<String, Located> of(String kind) {
            return byKind.get(kind);
        }

        void merge(String kind, JsonNode tables, String file) {
            if (!tables.isObject()) {
                problems.add(new ConfigProblem(file, kind, null, "expected a table of named tables"));
                return;
            }
            tables.properties().forEach(entry -> {
                Source source = new Source(file, kind + "." + entry.getKey());
                Located previous = byKind.get(kind).get(entry.getKey());
                if (previous != null) {
                    problems.add(source, null, "already defined in " + previous.source().file());
                } else if (!entry.getValue().isObject()) {
                    problems.add(source, null, "expected a table");
                } else {
                    byKind.get(kind).put(entry.getKey(), new Located((ObjectNode) entry.getValue(), source));
                }
            });
        }
    }

    /** A named table and where it was defined. */
    record Located(ObjectNode table, Source source) {
    }
}
