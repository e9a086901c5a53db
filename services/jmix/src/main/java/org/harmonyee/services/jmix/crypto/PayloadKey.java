package org.harmonyee.services.jmix.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The AES-256 key of an encrypted payload and the manifest's {@code security.encryption} that lets
 * the recipient find it again: X25519 of one side's private key and the other's public key, through
 * HKDF-SHA256 with an empty salt and the info {@code JMIX-AES256-GCM} (jmix-rs's), 32 bytes.
 *
 * @param ephemeralPublicKey the sender's one-time X25519 public key, raw 32 bytes
 * @param iv                 the GCM nonce, 12 bytes
 * @param tag                the GCM tag, 16 bytes (kept out of {@code payload.enc})
 */
public record PayloadKey(byte[] ephemeralPublicKey, byte[] iv, byte[] tag) {

    public static final String ALGORITHM = "AES-256-GCM";
    static final String CIPHER = "AES/GCM/NoPadding";
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final byte[] INFO = "JMIX-AES256-GCM".getBytes(StandardCharsets.US_ASCII);

    static SecretKey derive(PrivateKey own, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(own);
        agreement.doPhase(peer, true);
        return new SecretKeySpec(Hkdf.derive(new byte[0], agreement.generateSecret(), INFO, 32), "AES");
    }

    /** {@code security.encryption}: the three values in padded standard base64. */
    public ObjectNode toJson() {
        Base64.Encoder base64 = Base64.getEncoder();
        return JsonNodeFactory.instance.objectNode().put("algorithm", ALGORITHM)
                .put("ephemeral_public_key", base64.encodeToString(ephemeralPublicKey))
                .put("iv", base64.encodeToString(iv)).put("auth_tag", base64.encodeToString(tag));
    }

    /** @throws GeneralSecurityException naming the field that is missing or malformed */
    public static PayloadKey fromJson(JsonNode encryption) throws GeneralSecurityException {
        if (!ALGORITHM.equals(encryption.path("algorithm").asText())) {
            throw new GeneralSecurityException("security.encryption.algorithm must be " + ALGORITHM + ", got "
                    + encryption.path("algorithm"));
        }
        return new PayloadKey(field(encryption, "ephemeral_public_key", KeyFiles.RAW_KEY_BYTES),
                field(encryption, "iv", IV_BYTES), field(encryption, "auth_tag", TAG_BYTES));
    }

    private static byte[] field(JsonNode encryption, String name, int length) throws GeneralSecurityException {
        try {
            byte[] value = Base64.getDecoder().decode(encryption.path(name).asText());
            if (value.length == length) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("security.encryption." + name + " is not base64", e);
        }
        throw new GeneralSecurityException("security.encryption." + name + " must be " + length + " bytes in base64");
    }
}
