package org.harmonyee.middleware.transform;

import org.harmonyee.core.config.Options;

import java.util.Locale;
import java.util.Set;

/** Which side of the exchange a transform runs on. */
enum Apply {
    LEFT, RIGHT, BOTH;

    /** The {@code apply} option; {@code defaultValue} is the type's own default, as in the Rust Harmony. */
    static Apply read(Options options, Apply defaultValue) {
        String value = options.oneOf("apply", name(defaultValue), Set.of("left", "right", "both"));
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static String name(Apply apply) {
        return apply.name().toLowerCase(Locale.ROOT);
    }

    boolean request() {
        return this != RIGHT;
    }

    boolean response() {
        return this != LEFT;
    }
}
