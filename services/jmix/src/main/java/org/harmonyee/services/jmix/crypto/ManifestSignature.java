package org.harmonyee.services.jmix.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ed25519 signatures of a manifest, as jmix-rs makes them: the sender's {@code assertion} (a
 * signature over the compact, key-sorted JSON of its signed fields, with the public key and its
 * fingerprint) and {@code manifest.jws}, a compact JWS (base64url, no padding) whose payload is the
 * exact {@code manifest.json} bytes. {@link ManifestVerification} checks both.
 */
public final class ManifestSignature {

    public static final String JWS_FILE = "manifest.jws";
    static final String JWS_HEADER = "{\"alg\":\"EdDSA\",\"typ\":\"JWS\",\"crv\":\"Ed25519\"}";
    static final String ALGORITHM = "Ed25519";
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    /** @throws GeneralSecurityException when the key is not an Ed25519 private key with its seed */
    public ManifestSignature(PrivateKey privateKey) throws GeneralSecurityException {
        this.privateKey = privateKey;
        this.publicKey = publicKeyOf(privateKey);
    }

    /** Adds {@code assertion} to the manifest's sender, signing its id, its name (when stated), the manifest id and time. */
    public void assertSender(ObjectNode manifest) throws GeneralSecurityException {
        List<String> fields = new ArrayList<>(List.of("sender.id"));
        if (manifest.path("sender").has("name")) {
            fields.add("sender.name");
        }
        fields.addAll(List.of("manifest.id", "timestamp"));
        ObjectNode assertion = JsonNodeFactory.instance.objectNode();
        assertion.putObject("signing_key").put("alg", ALGORITHM)
                .put("public_key", Base64.getEncoder().encodeToString(KeyFiles.raw(publicKey)))
                .put("fingerprint", fingerprint(KeyFiles.raw(publicKey)));
        fields.forEach(assertion.putArray("signed_fields")::add);
        assertion.put("signature", Base64.getEncoder().encodeToString(sign(signedFields(manifest, fields))));
        ((ObjectNode) manifest.get("sender")).set("assertion", assertion);
    }

    /** {@code manifest.jws} for these exact manifest bytes. */
    public byte[] jws(byte[] manifest) throws GeneralSecurityException {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String input = url.encodeToString(JWS_HEADER.getBytes(StandardCharsets.UTF_8)) + "." + url.encodeToString(manifest);
        return (input + "." + url.encodeToString(sign(input.getBytes(StandardCharsets.US_ASCII))))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(privateKey);
        signature.update(data);
        return signature.sign();
    }

    /** The bytes an assertion signs: compact JSON of {field: value}, keys sorted. */
    static byte[] signedFields(JsonNode manifest, List<String> fields) {
        Map<String, JsonNode> values = new TreeMap<>();
        for (String field : fields) {
            values.put(field, manifest.at(pointer(field)));
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        values.forEach((field, value) -> json.set(field, value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value));
        try {
            return COMPACT.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** A signed field's place in the manifest: the special names, else the dotted path as a JSON pointer. */
    private static String pointer(String field) {
        return switch (field) {
            case "manifest.id" -> "/id";
            case "timestamp" -> "/timestamp";
            case "version" -> "/version";
            case "security.payload_hash" -> "/security/payload_hash";
            default -> "/" + field.replace('.', '/');
        };
    }

    static String fingerprint(byte[] rawPublicKey) throws GeneralSecurityException {
        return "SHA256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawPublicKey));
    }

    /**
     * The public key of an Ed25519 private key: the JDK derives it from the private key's 32-byte
     * seed when its key pair generator is handed that seed as its randomness (RFC 8032 §5.1.5).
     */
    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
            throw new GeneralSecurityException("is not an Ed25519 private key holding its seed");
        }
        byte[] seed = edec.getBytes().get();
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        PublicKey derived = generator.generateKeyPair().getPublic();
        byte[] probe = "jmix".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(key);
        signer.update(probe);
        Signature verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(derived);
        verifier.update(probe);
        if (!verifier.verify(signer.sign())) {
            throw new GeneralSecurityException("holds an Ed25519 private key whose public key cannot be derived");
        }
        return derived;
    }
}
