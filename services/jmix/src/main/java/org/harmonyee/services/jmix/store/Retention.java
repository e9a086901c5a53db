package org.harmonyee.services.jmix.store;

import java.time.Duration;

/**
 * How long and how much the store keeps: packages older than {@code maxAge}, then the oldest while
 * all together exceed {@code maxBytes}, are removed (index entry first, then the zip).
 *
 * @param maxAge   null: no age limit
 * @param maxBytes 0: no size limit
 */
public record Retention(Duration maxAge, long maxBytes) {

    public static final Retention KEEP_ALL = new Retention(null, 0);

    public Retention {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("max_age must be positive");
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("max_bytes must not be negative");
        }
    }
}
