package org.harmonyee.core.endpoint;

import org.harmonyee.core.config.Options;

/** Reads and normalizes a {@code path_prefix} option: leading slash, no trailing slash, no wildcards. */
public final class PathPrefix {

    private PathPrefix() {
    }

    public static String read(Options options) {
        String raw = options.requiredString("path_prefix").strip();
        if (raw.isEmpty()) {
            return "/";
        }
        if (raw.contains("?") || raw.contains("#") || raw.contains("*") || raw.contains("{")) {
            options.problem("path_prefix", "must be a plain path such as /api, got '" + raw + "'");
        }
        return normalize(raw);
    }

    public static String normalize(String raw) {
        String prefix = raw.startsWith("/") ? raw : "/" + raw;
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix;
    }
}
