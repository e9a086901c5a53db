package org.harmonyee.services.dimse;

import org.harmonyee.core.config.Options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a C-MOVE received by the gateway may send instances: an AE title the gateway knows, at
 * {@code host:port}. Sub-associations are plain TCP: an entry written {@code host:port:tls} is
 * refused with that reason.
 */
public record MoveDestination(String aeTitle, String host, int port) {

    /** Reads {@code move_destinations = { AET = "host:port", ... }}; every bad entry is reported. */
    static Map<String, MoveDestination> read(Options options, String key) {
        Map<String, MoveDestination> destinations = new LinkedHashMap<>();
        if (!options.has(key)) {
            return destinations;
        }
        if (!options.raw(key).isObject()) {
            options.problem(key, "expected a table AET = \"host:port\"");
            return destinations;
        }
        options.raw(key).fields().forEachRemaining(entry -> {
            if (entry.getValue().asText().strip().endsWith(":tls")) {
                options.problem(key, "entry '" + entry.getKey() + "': TLS to a move destination is not available;"
                        + " the gateway's C-STORE sub-associations are plain TCP (write \"host:port\")");
                return;
            }
            parse(entry.getKey(), entry.getValue().asText()).ifPresentOrElse(
                    destination -> destinations.put(destination.aeTitle(), destination),
                    () -> options.problem(key, "entry '" + entry.getKey() + "': expected an AE title of 1-16 "
                            + "characters = \"host:port\" with a port of 1-65535, got '"
                            + entry.getValue().asText() + "'"));
        });
        return destinations;
    }

    private static Optional<MoveDestination> parse(String aeTitle, String address) {
        String[] parts = address.strip().split(":");
        if (!AeTitles.isValid(aeTitle) || parts.length != 2 || parts[0].isBlank()) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(parts[1]);
            if (port < 1 || port > 65_535) {
                return Optional.empty();
            }
            return Optional.of(new MoveDestination(aeTitle.strip(), parts[0], port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
