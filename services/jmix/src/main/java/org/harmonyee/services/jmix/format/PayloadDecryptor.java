package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.harmonyee.services.jmix.crypto.KeyFiles;
import org.harmonyee.services.jmix.crypto.PayloadDecryption;
import org.harmonyee.services.jmix.crypto.PayloadKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;

/**
 * A recipient's side of an encrypted package: decrypts {@code payload.enc} (or the
 * {@code payload.encrypted} other implementations write) with the recipient's X25519 private key
 * and the manifest's {@code security.encryption}, checks the manifest's {@code payload_hash}
 * against the plaintext tar, and gives the tar, streamed (memory holds buffers only). From a shell:
 * {@code java -cp <jmix jars> org.harmonyee.services.jmix.format.PayloadDecryptor package.zip key.pem payload.tar},
 * then {@code tar -xf payload.tar}.
 */
public final class PayloadDecryptor {

    private final PayloadDecryption decryption;

    public PayloadDecryptor(PrivateKey recipient) {
        this.decryption = new PayloadDecryption(recipient);
    }

    /**
     * Writes the payload's tar to {@code tar}: decrypted into a temporary file beside it, moved into
     * place only when the GCM tag and the payload hash hold (nothing is left otherwise).
     *
     * @throws PackageRefusedException when the package is not encrypted, not for this key, or not the payload its manifest hashes
     */
    public void decrypt(Path zip, Path tar) throws PackageRefusedException, IOException {
        Path part = tar.resolveSibling("." + tar.getFileName() + ".part");
        try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
            ZipArchiveEntry manifestEntry = archive.getEntry(UploadValidator.MANIFEST);
            ZipArchiveEntry payload = archive.getEntry(EncryptedPayload.ENTRY) != null
                    ? archive.getEntry(EncryptedPayload.ENTRY) : archive.getEntry(EncryptedPayload.OTHER_ENTRY);
            if (manifestEntry == null || payload == null) {
                throw new PackageRefusedException("not an encrypted JMIX package: it needs manifest.json and "
                        + EncryptedPayload.ENTRY + " at its root");
            }
            JsonNode manifest;
            try (InputStream in = archive.getInputStream(manifestEntry)) {
                manifest = PackageJson.mapper().readTree(in.readNBytes(UploadLimits.MAX_JSON_BYTES));
            }
            PayloadKey key;
            try {
                key = PayloadKey.fromJson(manifest.path("security").path("encryption"));
            } catch (GeneralSecurityException e) {
                throw new PackageRefusedException(e.getMessage());
            }
            MessageDigest digest = Sha256.digest();
            try (InputStream in = archive.getInputStream(payload); OutputStream out = Files.newOutputStream(part)) {
                decryption.decrypt(in, key, new HashingOutputStream(out, digest, null));
            } catch (PayloadDecryption.Refused e) {
                throw new PackageRefusedException(e.getMessage());
            }
            JsonNode hash = manifest.path("security").path("payload_hash");
            byte[] tarHash = digest.digest();
            if (hash.isTextual() && !Sha256.matches(hash.asText(), tarHash)) {
                throw new PackageRefusedException("the decrypted payload does not match security.payload_hash "
                        + hash.asText() + " (" + Sha256.label(tarHash) + ")");
            }
            Files.move(part, tar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** {@code PayloadDecryptor <package.zip> <x25519-private-key.pem> <payload.tar>}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PayloadDecryptor <package.zip> <x25519-private-key.pem> <payload.tar>");
            System.exit(2);
        }
        PayloadDecryptor decryptor = new PayloadDecryptor(KeyFiles.privateKey(Path.of(args[1]), "X25519"));
        try {
            decryptor.decrypt(Path.of(args[0]), Path.of(args[2]));
        } catch (PackageRefusedException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
