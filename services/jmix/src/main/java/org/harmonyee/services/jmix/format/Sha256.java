package org.harmonyee.services.jmix.format;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 as JMIX writes it: {@code sha256:} and lowercase hex; bare hex is accepted on read. */
final class Sha256 {

    static final String PREFIX = "sha256:";

    private Sha256() {
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String label(byte[] digest) {
        return PREFIX + HexFormat.of().formatHex(digest);
    }

    /** Whether a hash as a package states it ({@code sha256:HEX} or bare hex, any case) is this digest. */
    static boolean matches(String stated, byte[] digest) {
        String hex = stated.toLowerCase(Locale.ROOT);
        if (hex.startsWith(PREFIX)) {
            hex = hex.substring(PREFIX.length());
        }
        return hex.equals(HexFormat.of().formatHex(digest));
    }
}
