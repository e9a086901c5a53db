package org.harmonyee.web;

import org.harmonyee.core.error.GatewayException;
import org.harmonyee.core.error.ProblemType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Decodes application/x-www-form-urlencoded query components, refusing malformed escapes with 400. */
final class PercentDecoding {

    private PercentDecoding() {
    }

    static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ProblemType.MALFORMED_REQUEST,
                    "malformed percent-encoding in the query string: '" + component + "'", e);
        }
    }
}
