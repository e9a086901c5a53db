package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validating access to the options of one table. A wrong value is recorded as a
 * {@link ConfigProblem} naming file, table and key, and the default is returned so that
 * assembly goes on and every problem is reported in one pass.
 *
 * <p>Numbers and booleans are also accepted as strings, because {@code ${VAR}} substitution
 * yields strings ({@code port = "${PACS_PORT:-104}"}).
 */
public final class Options {

    private final ObjectNode node;
    private final Source source;
    private final Problems problems;
    private final Path baseDirectory;

    public Options(ObjectNode node, Source source, Problems problems, Path baseDirectory) {
        this.node = node == null ? JsonNodeFactory.instance.objectNode() : node;
        this.source = source;
        this.problems = problems;
        this.baseDirectory = baseDirectory;
    }

    public Source source() {
        return source;
    }

    public Problems problems() {
        return problems;
    }

    /** The keys the table sets, in the order written. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** The raw subtree, for services whose options are structured (JOLT context, rules). */
    public JsonNode raw(String key) {
        return node.get(key);
    }

    public void problem(String key, String message) {
        problems.add(source, key, message);
    }

    public Optional<String> string(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            problem(key, "expected a string, got a " + kind(value));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    /** A string that must be present and not blank. */
    public String requiredString(String key) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            if (!node.hasNonNull(key)) {
                problem(key, "required, missing");
            }
            return "";
        }
        if (value.get().isBlank()) {
            problem(key, "must not be blank");
        }
        return value.get();
    }

    public String oneOf(String key, String defaultValue, Set<String> allowed) {
        String value = string(key, defaultValue);
        if (!allowed.contains(value)) {
            problem(key, "expected one of " + new java.util.TreeSet<>(allowed) + ", got '" + value + "'");
            return defaultValue;
        }
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problem(key, "expected true or false, got '" + text + "'");
        return defaultValue;
    }

    public long integer(String key, long defaultValue, long min, long max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        long parsed;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            parsed = value.longValue();
        } else {
            try {
                parsed = Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                problem(key, "expected an integer " + min + "-" + max + ", got '" + value.asText() + "'");
                return defaultValue;
            }
        }
        if (parsed < min || parsed > max) {
            problem(key, "expected " + min + "-" + max + ", got " + parsed);
            return defaultValue;
        }
        return parsed;
    }

    public int port(String key, int defaultValue) {
        return (int) integer(key, defaultValue, 1, 65_535);
    }

    public List<String> strings(String key) {
        JsonNode value = node.get(key);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (value.isValueNode()) {
            result.add(value.asText());
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isValueNode()) {
                    result.add(element.asText());
                } else {
                    problem(key, "expected an array of strings, found a " + kind(element));
                }
            }
        } else {
            problem(key, "expected an array of strings, got a " + kind(value));
        }
        return result;
    }

    /** A path option, resolved against the directory of config.toml (wherever the key is written). */
    public Optional<Path> path(String key) {
        return string(key).filter(text -> !text.isBlank()).map(text -> baseDirectory.resolve(text).normalize());
    }

    /** An absolute http(s) URL. */
    public URI httpUrl(String key) {
        String text = requiredString(key);
        if (text.isBlank()) {
            return URI.create("http://invalid/");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                problem(key, "expected an absolute http:// or https:// URL, got '" + text + "'");
                return URI.create("http://invalid/");
            }
            return uri;
        } catch (URISyntaxException e) {
            problem(key, "not a valid URL: " + e.getReason() + " ('" + text + "')");
            return URI.create("http://invalid/");
        }
    }

    private static String kind(JsonNode value) {
        return value.isObject() ? "table" : value.isArray() ? "array" : value.getNodeType().name().toLowerCase();
    }
}
