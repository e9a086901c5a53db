package org.harmonyee.services.jmix.format;

import java.util.List;
import java.util.Objects;

/**
 * Who a package is from and for, as its manifest and audit name them.
 *
 * @param sender    who builds the package
 * @param requester who asked for it; null when nobody is named
 * @param receivers who it is for: at least one (the manifest schema's {@code minItems})
 */
public record PackageIdentity(JmixEntity sender, JmixEntity requester, List<JmixEntity> receivers) {

    public PackageIdentity {
        Objects.requireNonNull(sender, "sender");
        receivers = List.copyOf(receivers);
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("a JMIX package needs at least one receiver");
        }
    }
}
