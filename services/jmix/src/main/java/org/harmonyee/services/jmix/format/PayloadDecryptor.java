package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.harmonyee.services.jmix.crypto.KeyFiles;
import org.harmonyee.services.jmix.crypto.PayloadDecryption;
import org.harmonyee.services.jmix.crypto.PayloadKey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;

/**
 * A recipient's side of an encrypted package: decrypts {@code payload.enc} (or the
 * {@code payload.encrypted} other implementations write) with the recipient's X25519 private key
 * and the manifest's {@code security.encryption}, checks the manifest's {@code payload_hash}
 * against the plaintext tar, and gives the tar. From a shell:
 * {@code java -cp <jmix jars> org.harmonyee.services.jmix.format.PayloadDecryptor package.zip key.pem payload.tar},
 * then {@code tar -xf payload.tar}.
 */
public final class PayloadDecryptor {

    private final PayloadDecryption decryption;

    public PayloadDecryptor(PrivateKey recipient) {
        this.decryption = new PayloadDecryption(recipient);
    }

    /**
     * @throws PackageRefusedException when the package is not encrypted, not for this key, or not the payload its manifest hashes
     */
    public void decrypt(Path zip, OutputStream tar) throws PackageRefusedException, IOException {
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
            ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
            try (InputStream in = archive.getInputStream(payload)) {
                decryption.decrypt(in, key, plaintext);
            } catch (PayloadDecryption.Refused e) {
                throw new PackageRefusedException(e.getMessage());
            }
            JsonNode hash = manifest.path("security").path("payload_hash");
            byte[] digest = Sha256.digest().digest(plaintext.toByteArray());
            if (hash.isTextual() && !Sha256.matches(hash.asText(), digest)) {
                throw new PackageRefusedException("the decrypted payload does not match security.payload_hash "
                        + hash.asText() + " (" + Sha256.label(digest) + ")");
            }
            plaintext.writeTo(tar);
        }
    }

    /** {@code PayloadDecryptor <package.zip> <x25519-private-key.pem> <payload.tar>}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PayloadDecryptor <package.zip> <x25519-private-key.pem> <payload.tar>");
            System.exit(2);
        }
        PayloadDecryptor decryptor = new PayloadDecryptor(KeyFiles.privateKey(Path.of(args[1]), "X25519"));
        try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
            decryptor.decrypt(Path.of(args[0]), out);
        } catch (PackageRefusedException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
