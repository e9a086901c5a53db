package org.harmonyee.services.jmix.format;

import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.harmonyee.services.jmix.crypto.PayloadEncryption;
import org.harmonyee.services.jmix.crypto.PayloadKey;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;

/**
 * The payload of an encrypted package as jmix-rs writes it: an uncompressed tar of the payload
 * folder (entries named relative to it: {@code metadata.json}, {@code dicom/...}), hashed as it is
 * written (the manifest's {@code payload_hash} is the SHA-256 of this plaintext tar), encrypted on
 * the fly into the open zip entry {@code payload.enc}. A tar entry states its size first, so each
 * file is spooled to a temporary file (deleted at once) before it joins the tar: memory holds
 * buffers only.
 */
final class EncryptedPayload {

    static final String ENTRY = "payload.enc";
    /** What the spec's prose, jmix-php and jmix-js call the same file; read, never written. */
    static final String OTHER_ENTRY = "payload.encrypted";

    /** Writes one file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final PayloadEncryption encryption;
    private final MessageDigest tarHash = Sha256.digest();
    private final TarArchiveOutputStream tar;
    private final Instant written;

    /**
     * @param entry   the open zip entry {@code payload.enc}; stays open
     * @param written the time the tar's entries state
     */
    EncryptedPayload(OutputStream entry, PublicKey recipient, Instant written) throws IOException {
        this.written = written;
        try {
            encryption = new PayloadEncryption(entry, recipient);
        } catch (GeneralSecurityException e) {
            throw new IOException("the payload cannot be encrypted for this key: " + e.getMessage(), e);
        }
        tar = TarFormat.writer(new HashingOutputStream(encryption, null, tarHash));
    }

    /** Adds one file at {@code path} (below the payload folder); returns its size. */
    long add(String path, MessageDigest file, Content content) throws IOException {
        Path spool = Files.createTempFile("jmix-payload-", ".part");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(spool)) {
                HashingOutputStream hashed = new HashingOutputStream(out, file, null);
                content.writeTo(hashed);
                size = hashed.count();
            }
            tar.putArchiveEntry(TarFormat.entry(path, size, written));
            Files.copy(spool, tar);
            tar.closeArchiveEntry();
            return size;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Ends the tar and the ciphertext; the zip entry stays open. */
    PayloadKey finish() throws IOException {
        tar.finish();
        return encryption.finish();
    }

    /** The SHA-256 of the plaintext tar; after {@link #finish()}. */
    byte[] tarHash() {
        return tarHash.digest();
    }
}
