package org.harmonyee.services.jmix.crypto;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;

/**
 * What a recipient does with {@code payload.enc}: the key from its X25519 private key and the
 * manifest's {@code security.encryption}, then AES-256-GCM with the stated tag, streamed. The JDK's
 * GCM decryption holds the whole ciphertext until the tag is checked, so this decrypts GCM's
 * counter mode directly (AES/CTR from the block after J0 = IV ‖ 1, NIST SP 800-38D §7.2) and checks
 * the tag by encrypting the recovered plaintext again with AES/GCM under the same key and IV, which
 * must give the stated tag. Memory holds buffers only; the plaintext is written as it is recovered,
 * so the caller discards what was written when {@link Refused} is thrown.
 */
public final class PayloadDecryption {

    /** The payload cannot be decrypted: the reason says why (wrong key, tampered, malformed). */
    public static final class Refused extends Exception {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final PrivateKey recipient;

    public PayloadDecryption(PrivateKey recipient) {
        this.recipient = recipient;
    }

    public void decrypt(InputStream ciphertext, PayloadKey key, OutputStream plaintext) throws Refused, IOException {
        byte[] tag;
        try {
            SecretKey aes = PayloadKey.derive(recipient, KeyFiles.rawX25519(key.ephemeralPublicKey()));
            byte[] firstCounter = Arrays.copyOf(key.iv(), 16);
            firstCounter[15] = 2;
            Cipher counterMode = Cipher.getInstance("AES/CTR/NoPadding");
            counterMode.init(Cipher.DECRYPT_MODE, aes, new IvParameterSpec(firstCounter));
            Cipher check = Cipher.getInstance(PayloadKey.CIPHER);
            check.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(PayloadKey.TAG_BYTES * 8, key.iv()));
            byte[] buffer = new byte[1 << 16];
            for (int n = ciphertext.read(buffer); n >= 0; n = ciphertext.read(buffer)) {
                recovered(counterMode.update(buffer, 0, n), check, plaintext);
            }
            recovered(counterMode.doFinal(), check, plaintext);
            byte[] last = check.doFinal();
            tag = Arrays.copyOfRange(last, last.length - PayloadKey.TAG_BYTES, last.length);
        } catch (GeneralSecurityException e) {
            throw new Refused("the payload cannot be decrypted: " + e.getMessage(), e);
        }
        if (!MessageDigest.isEqual(tag, key.tag())) {
            throw new Refused("the payload does not decrypt with this key (wrong recipient key, or the payload or its "
                    + "security.encryption changed)", null);
        }
    }

    private static void recovered(byte[] bytes, Cipher check, OutputStream plaintext) throws IOException {
        if (bytes != null && bytes.length > 0) {
            check.update(bytes);
            plaintext.write(bytes);
        }
    }
}
