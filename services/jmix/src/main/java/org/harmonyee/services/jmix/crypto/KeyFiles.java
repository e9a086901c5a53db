package org.harmonyee.services.jmix.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads X25519 and Ed25519 keys from PEM files as {@code openssl genpkey} writes them: a private key
 * as {@code PRIVATE KEY} (PKCS#8), a public key as {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo),
 * decoded by the JDK's KeyFactory. Also turns the raw 32-byte keys JMIX puts in manifests into keys.
 */
public final class KeyFiles {

    /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a 32-byte Ed25519 key (OID 1.3.101.112). */
    private static final byte[] ED25519_SPKI = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** The same for X25519 (OID 1.3.101.110). */
    private static final byte[] X25519_SPKI = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00};
    static final int RAW_KEY_BYTES = 32;

    /** Why a key file cannot be used: the message names what is wrong, the caller names the file. */
    public static final class BadKeyFile extends Exception {
        BadKeyFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private KeyFiles() {
    }

    /** @param algorithm "X25519" or "Ed25519" */
    public static PublicKey publicKey(Path file, String algorithm) throws BadKeyFile {
        byte[] der = pem(file, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new BadKeyFile("is not an " + algorithm + " public key (" + e.getMessage() + ")", e);
        }
    }

    /** @param algorithm "X25519" or "Ed25519" */
    public static PrivateKey privateKey(Path file, String algorithm) throws BadKeyFile {
        byte[] der = pem(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new BadKeyFile("is not an " + algorithm + " private key in PKCS#8 (" + e.getMessage() + ")", e);
        }
    }

    /** The raw 32 bytes of an X25519 or Ed25519 public key, as JMIX writes them (base64) in manifests. */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        byte[] raw = new byte[RAW_KEY_BYTES];
        System.arraycopy(der, der.length - RAW_KEY_BYTES, raw, 0, RAW_KEY_BYTES);
        return raw;
    }

    static PublicKey rawEd25519(byte[] raw) throws GeneralSecurityException {
        return fromRaw(raw, ED25519_SPKI, "Ed25519");
    }

    static PublicKey rawX25519(byte[] raw) throws GeneralSecurityException {
        return fromRaw(raw, X25519_SPKI, "X25519");
    }

    private static PublicKey fromRaw(byte[] raw, byte[] prefix, String algorithm) throws GeneralSecurityException {
        if (raw.length != RAW_KEY_BYTES) {
            throw new GeneralSecurityException("an " + algorithm + " public key is " + RAW_KEY_BYTES + " bytes, got " + raw.length);
        }
        byte[] der = new byte[prefix.length + RAW_KEY_BYTES];
        System.arraycopy(prefix, 0, der, 0, prefix.length);
        System.arraycopy(raw, 0, der, prefix.length, RAW_KEY_BYTES);
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    }

    private static byte[] pem(Path file, String label) throws BadKeyFile {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new BadKeyFile("does not exist", e);
        } catch (IOException e) {
            throw new BadKeyFile("cannot be read (" + e + ")", e);
        }
        Matcher block = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]*)-----END " + label + "-----")
                .matcher(text);
        if (!block.find()) {
            throw new BadKeyFile("holds no PEM '" + label + "' block", null);
        }
        try {
            return Base64.getMimeDecoder().decode(block.group(1));
        } catch (IllegalArgumentException e) {
            throw new BadKeyFile("has a PEM '" + label + "' block that is not base64", e);
        }
    }
}
