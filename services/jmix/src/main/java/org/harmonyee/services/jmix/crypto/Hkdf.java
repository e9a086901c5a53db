package org.harmonyee.services.jmix.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** HKDF with HMAC-SHA256 (RFC 5869): extract, then expand; the JDK 17 has no HKDF of its own. */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /**
     * @param salt   empty for none (RFC 5869 then uses a string of zero bytes of the hash's length)
     * @param length at most 255 × 32 bytes
     */
    static byte[] derive(byte[] salt, byte[] secret, byte[] info, int length) throws GeneralSecurityException {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to " + 255 * HASH_BYTES + " bytes, asked " + length);
        }
        Mac extract = Mac.getInstance(HMAC);
        extract.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_BYTES] : salt, HMAC));
        byte[] prk = extract.doFinal(secret);
        Mac expand = Mac.getInstance(HMAC);
        expand.init(new SecretKeySpec(prk, HMAC));
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int done = 0, counter = 1; done < length; counter++) {
            expand.update(block);
            expand.update(info);
            expand.update((byte) counter);
            block = expand.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }
}
