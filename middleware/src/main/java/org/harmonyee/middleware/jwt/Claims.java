package org.harmonyee.middleware.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import org.harmonyee.core.envelope.MetadataKeys;

import java.util.List;
import java.util.Map;

/** Copies the verified claims later middleware and backends may use into the metadata. */
final class Claims {

    private Claims() {
    }

    static void put(JWTClaimsSet claims, Map<String, String> metadata) {
        putIfPresent(metadata, "jwt.sub", claims.getSubject());
        putIfPresent(metadata, "jwt.iss", claims.getIssuer());
        List<String> audience = claims.getAudience();
        if (audience != null && !audience.isEmpty()) {
            metadata.put("jwt.aud", String.join(",", audience));
        }
        Object scope = claims.getClaim("scope") != null ? claims.getClaim("scope") : claims.getClaim("scp");
        putIfPresent(metadata, "jwt.scope", join(scope, " "));
        putIfPresent(metadata, "jwt.groups", join(claims.getClaim("groups"), ","));
        metadata.put(MetadataKeys.PRINCIPAL, claims.getSubject() == null ? "" : claims.getSubject());
        metadata.put(MetadataKeys.AUTH_METHOD, "jwt");
    }

    private static String join(Object value, String separator) {
        if (value instanceof List<?> list) {
            return String.join(separator, list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : String.valueOf(value);
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
