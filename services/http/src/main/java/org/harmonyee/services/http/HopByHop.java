package org.harmonyee.services.http;

import org.harmonyee.core.envelope.Headers;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1), plus the ones the
 * JDK client computes itself. A proxy never forwards them.
 */
final class HopByHop {

    private static final Set<String> NAMES = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "host", "content-length", "expect");

    private HopByHop() {
    }

    /** The names not to forward: the fixed set plus those the Connection header lists. */
    static Set<String> of(Headers headers) {
        Set<String> names = new HashSet<>(NAMES);
        for (String value : headers.all("Connection")) {
            for (String token : value.split(",")) {
                names.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    static boolean contains(Set<String> names, String header) {
        return names.contains(header.toLowerCase(Locale.ROOT));
    }
}
