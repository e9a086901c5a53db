package org.harmonyee.services.jmix.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Checks a signed manifest as a receiver must: every entity's {@code assertion} (its
 * {@code expires_at} first, then its fingerprint and signature), and {@code manifest.jws} when the
 * package has one: EdDSA header, payload equal to the {@code manifest.json} bytes, signature by the
 * key the sender's assertion states (the only key a package names).
 */
public final class ManifestVerification {

    /** The manifest's signatures do not hold; the message says which and why. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private ManifestVerification() {
    }

    /** @param jws the {@code manifest.jws} bytes, null when the package has none */
    public static void verify(byte[] manifestBytes, JsonNode manifest, byte[] jws, Instant now) throws Refused {
        List<String> entities = new ArrayList<>(List.of("sender", "requester"));
        for (int i = 0; i < manifest.path("receiver").size(); i++) {
            entities.add("receiver/" + i);
        }
        for (String entity : entities) {
            JsonNode assertion = manifest.at("/" + entity + "/assertion");
            if (!assertion.isMissingNode()) {
                verifyAssertion(entity.replace('/', '.'), assertion, manifest, now);
            }
        }
        if (jws != null) {
            verifyJws(manifestBytes, manifest, jws);
        }
    }

    private static void verifyAssertion(String entity, JsonNode assertion, JsonNode manifest, Instant now) throws Refused {
        String where = entity + ".assertion";
        JsonNode expires = assertion.path("expires_at");
        if (expires.isTextual()) {
            try {
                if (!Instant.parse(expires.asText()).isAfter(now)) {
                    throw new Refused(where + " expired at " + expires.asText());
                }
            } catch (DateTimeParseException e) {
                throw new Refused(where + ".expires_at is not a date-time: " + expires.asText());
            }
        }
        List<String> fields = new ArrayList<>();
        assertion.path("signed_fields").forEach(field -> fields.add(field.asText()));
        if (fields.isEmpty()) {
            throw new Refused(where + " signs no fields");
        }
        byte[] signature = base64(assertion.path("signature"), where + ".signature");
        if (!verifies(key(assertion, where), ManifestSignature.signedFields(manifest, fields), signature)) {
            throw new Refused(where + " signature does not match the signed fields " + fields);
        }
    }

    private static void verifyJws(byte[] manifestBytes, JsonNode manifest, byte[] jws) throws Refused {
        JsonNode assertion = manifest.path("sender").path("assertion");
        if (assertion.isMissingNode()) {
            throw new Refused(ManifestSignature.JWS_FILE + " cannot be verified: the sender states no assertion.signing_key");
        }
        String[] parts = new String(jws, StandardCharsets.US_ASCII).strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused(ManifestSignature.JWS_FILE + " is not a compact JWS (three base64url parts)");
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            JsonNode header = new ObjectMapper().readTree(url.decode(parts[0]));
            if (!"EdDSA".equals(header.path("alg").asText())) {
                throw new Refused(ManifestSignature.JWS_FILE + " alg must be EdDSA, got " + header.path("alg"));
            }
            if (!Arrays.equals(url.decode(parts[1]), manifestBytes)) {
                throw new Refused(ManifestSignature.JWS_FILE + " does not sign this manifest.json (its payload differs)");
            }
            byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            if (!verifies(key(assertion, "sender.assertion"), input, url.decode(parts[2]))) {
                throw new Refused(ManifestSignature.JWS_FILE + " signature does not verify with the sender's key");
            }
        } catch (IllegalArgumentException | IOException e) {
            throw new Refused(ManifestSignature.JWS_FILE + " is malformed: " + e.getMessage());
        }
    }

    private static PublicKey key(JsonNode assertion, String where) throws Refused {
        JsonNode signingKey = assertion.path("signing_key");
        if (!ManifestSignature.ALGORITHM.equals(signingKey.path("alg").asText())) {
            throw new Refused(where + ".signing_key.alg must be Ed25519");
        }
        byte[] raw = base64(signingKey.path("public_key"), where + ".signing_key.public_key");
        try {
            if (!ManifestSignature.fingerprint(raw).equalsIgnoreCase(signingKey.path("fingerprint").asText())) {
                throw new Refused(where + ".signing_key.fingerprint is not the SHA-256 of its public_key");
            }
            return KeyFiles.rawEd25519(raw);
        } catch (GeneralSecurityException e) {
            throw new Refused(where + ".signing_key.public_key is not an Ed25519 key: " + e.getMessage());
        }
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signature) throws Refused {
        try {
            Signature verifier = Signature.getInstance(ManifestSignature.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new Refused("Ed25519 verification failed: " + e.getMessage());
        }
    }

    private static byte[] base64(JsonNode value, String where) throws Refused {
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new Refused(where + " is not base64");
        }
    }
}
