package org.harmonyee.services.dimse;

import org.harmonyee.core.config.Options;

import java.util.Optional;

/**
 * AE title options (PS3.5 6.2, VR AE): 1-16 characters of the default repertoire, no backslash,
 * no control character, not only spaces; leading and trailing spaces are not significant and are
 * dropped.
 */
final class AeTitles {

    /** What a bad value is replaced with, so that assembly goes on to report every problem. */
    private static final String INVALID = "INVALID";

    private AeTitles() {
    }

    /** A required AE title option; a missing or bad one is reported. */
    static String required(Options options, String key) {
        if (!options.has(key)) {
            options.problem(key, "required, missing");
            return INVALID;
        }
        return optional(options, key).orElse(INVALID);
    }

    /** An AE title option, or {@code defaultValue} when absent; a bad one is reported. */
    static String read(Options options, String key, String defaultValue) {
        return options.has(key) ? optional(options, key).orElse(INVALID) : defaultValue;
    }

    /** An optional AE title option: empty when absent or bad (then reported). */
    static Optional<String> optional(Options options, String key) {
        Optional<String> value = options.string(key);
        if (value.isEmpty()) {
            return value;
        }
        if (!isValid(value.get())) {
            options.problem(key, "expected an AE title of 1-16 characters without backslash or control characters,"
                    + " not only spaces, got '" + value.get() + "'");
            return Optional.empty();
        }
        return Optional.of(value.get().strip());
    }

    static boolean isValid(String value) {
        String title = value == null ? "" : value.strip();
        return !title.isEmpty() && title.length() <= 16 && title.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '\\');
    }
}
