package org.harmonyee.services.jmix.format;

import java.util.Objects;

/**
 * A party named in a manifest or an audit entry: the sender, the requester, a receiver, or who
 * did an audited event. The id is required by the schemas; the name is optional (null).
 */
public record JmixEntity(String id, String name) {

    public JmixEntity {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a JMIX entity needs a non-empty id");
        }
    }
}
