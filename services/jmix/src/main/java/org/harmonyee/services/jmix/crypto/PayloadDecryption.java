package org.harmonyee.services.jmix.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;

/**
 * What a recipient does with {@code payload.enc}: the key from its X25519 private key and the
 * manifest's {@code security.encryption}, then AES-256-GCM with the stated tag. Nothing is written
 * unless the tag verifies, so a wrong key or a changed byte gives no plaintext at all. The JDK's GCM
 * holds the ciphertext until the tag is checked: this suits tests and an operator's command, not a
 * payload larger than the heap.
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
        try {
            Cipher cipher = Cipher.getInstance(PayloadKey.CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, PayloadKey.derive(recipient, KeyFiles.rawX25519(key.ephemeralPublicKey())),
                    new GCMParameterSpec(PayloadKey.TAG_BYTES * 8, key.iv()));
            ByteArrayOutputStream held = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            for (int n = ciphertext.read(buffer); n >= 0; n = ciphertext.read(buffer)) {
                held.writeBytes(cipher.update(buffer, 0, n));
            }
            held.writeBytes(cipher.doFinal(key.tag()));
            held.writeTo(plaintext);
        } catch (AEADBadTagException e) {
            throw new Refused("the payload does not decrypt with this key (wrong recipient key, or the payload or its "
                    + "security.encryption changed)", e);
        } catch (GeneralSecurityException e) {
            throw new Refused("the payload cannot be decrypted: " + e.getMessage(), e);
        }
    }
}
