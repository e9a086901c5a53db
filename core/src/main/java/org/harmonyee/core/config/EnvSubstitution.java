package org.harmonyee.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in string values with the environment's
 * values; {@code $${} is the escape for a literal {@code ${} ({@code $${NAME}} yields the text
 * {@code ${NAME}}, set or not; docs/configuration.md documents it). Substitution happens on parsed values, never on
 * the TOML text, so a variable can never inject TOML syntax. A variable that is not set and has
 * no default is a problem naming the variable, the file, the table and the key.
 */
final class EnvSubstitution {

    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private final Function<String, String> environment;
    private final Problems problems;

    EnvSubstitution(Function<String, String> environment, Problems problems) {
        this.environment = environment;
        this.problems = problems;
    }

    /** Substitutes in place through the whole table tree. */
    void apply(ObjectNode table, Source source) {
        for (Map.Entry<String, JsonNode> field : new ArrayList<>(table.properties())) {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                table.set(field.getKey(), substitute(value.textValue(), source, field.getKey()));
            } else if (value.isObject()) {
                apply((ObjectNode) value, source.child(field.getKey()));
            } else if (value.isArray()) {
                apply((ArrayNode) value, source, field.getKey());
            }
        }
    }

    private void apply(ArrayNode array, Source source, String key) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element.isTextual()) {
                array.set(i, substitute(element.textValue(), source, key));
            } else if (element.isObject()) {
                apply((ObjectNode) element, source.child(key + "[" + i + "]"));
            } else if (element.isArray()) {
                apply((ArrayNode) element, source, key);
            }
        }
    }

    private TextNode substitute(String text, Source source, String key) {
        if (text.indexOf('$') < 0) {
            return TextNode.valueOf(text);
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${";
            } else {
                String value = environment.apply(matcher.group(1));
                if (value != null) {
                    replacement = value;
                } else if (matcher.group(2) != null) {
                    replacement = matcher.group(3);
                } else {
                    problems.add(source, key, "environment variable " + matcher.group(1)
                            + " is not set and has no default (write ${" + matcher.group(1) + ":-default})");
                    replacement = "";
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return TextNode.valueOf(result.toString());
    }
}
