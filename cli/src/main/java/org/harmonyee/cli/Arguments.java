package org.harmonyee.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} pairs; {@code --config} falls back to HARMONY_CONFIG. */
final class Arguments {

    private final Map<String, String> values = new HashMap<>();

    Arguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    Path config() {
        String path = get("config").or(() -> Optional.ofNullable(System.getenv("HARMONY_CONFIG")))
                .orElseThrow(() -> new IllegalArgumentException("--config PATH is required (or set HARMONY_CONFIG)"));
        return Path.of(path);
    }
}
