package org.harmonyee.middleware.transform;

import org.harmonyee.core.config.Options;

import java.util.Locale;
import java.util.Set;

/** Which side of the exchange a transform runs on. */
enum Apply {
    LEFT, RIGHT, BOTH;

    static Apply read(Options options) {
        return valueOf(options.oneOf("apply", "left", Set.of("left", "right", "both")).toUpperCase(Locale.ROOT));
    }

    boolean request() {
        return this != RIGHT;
    }

    boolean response() {
        return this != LEFT;
    }
}
