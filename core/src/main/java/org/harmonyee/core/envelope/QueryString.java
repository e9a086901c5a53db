package org.harmonyee.core.envelope;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits and decodes a raw query string ({@code application/x-www-form-urlencoded} rules): repeated
 * names keep every value, in order; a malformed percent-escape is refused with 400.
 */
public final class QueryString {

    private QueryString() {
    }

    /**
     * @param raw the query as received, without '?'; null or empty gives no parameters
     * @throws GatewayException MALFORMED_REQUEST for a malformed percent-escape
     */
    public static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** Decodes one component: '+' is a space, %XX a UTF-8 byte. */
    public static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST,
                    "malformed percent-encoding in the query string: '" + component + "'", e);
        }
    }
}
