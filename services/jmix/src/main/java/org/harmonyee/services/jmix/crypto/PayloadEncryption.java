package org.harmonyee.services.jmix.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Encrypts a payload for one recipient as it is written: a fresh X25519 key pair per payload, the
 * key of {@link PayloadKey}, a random 12-byte IV, AES-256-GCM without AAD. The output is the
 * ciphertext without its tag (jmix-rs's {@code payload.enc}); the tag goes to the manifest with
 * {@link #finish()}. Memory holds one write's worth of ciphertext, never the payload.
 */
public final class PayloadEncryption extends FilterOutputStream {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cipher cipher;
    private final byte[] ephemeral;
    private final byte[] iv = new byte[PayloadKey.IV_BYTES];
    private PayloadKey key;

    /** @param out where the ciphertext goes; not closed by this stream */
    public PayloadEncryption(OutputStream out, PublicKey recipient) throws GeneralSecurityException {
        super(out);
        KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        ephemeral = KeyFiles.raw(pair.getPublic());
        RANDOM.nextBytes(iv);
        cipher = Cipher.getInstance(PayloadKey.CIPHER);
        cipher.init(Cipher.ENCRYPT_MODE, PayloadKey.derive(pair.getPrivate(), recipient),
                new GCMParameterSpec(PayloadKey.TAG_BYTES * 8, iv));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (key != null) {
            throw new IOException("the payload is already encrypted");
        }
        byte[] ciphertext = cipher.update(b, off, len);
        if (ciphertext != null) {
            out.write(ciphertext);
        }
    }

    /** Ends the ciphertext (the output stays open) and gives what the manifest must state. */
    public PayloadKey finish() throws IOException {
        if (key == null) {
            byte[] last;
            try {
                last = cipher.doFinal();
            } catch (GeneralSecurityException e) {
                throw new IOException("AES-GCM cannot finish the payload: " + e.getMessage(), e);
            }
            out.write(last, 0, last.length - PayloadKey.TAG_BYTES);
            key = new PayloadKey(ephemeral, iv.clone(), Arrays.copyOfRange(last, last.length - PayloadKey.TAG_BYTES, last.length));
        }
        return key;
    }

    /** Finishes; leaves the output open (it belongs to the caller). */
    @Override
    public void close() throws IOException {
        finish();
        flush();
    }
}
