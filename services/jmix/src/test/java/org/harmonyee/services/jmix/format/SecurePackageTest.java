package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.harmonyee.dicom.net.peers.TestDataset;
import org.harmonyee.services.jmix.crypto.KeyFiles;
import org.harmonyee.services.jmix.crypto.ManifestSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encrypted and signed packages, checked by a recipient's decryption, by {@code openssl} (X25519
 * key agreement, HKDF and Ed25519 verification done by OpenSSL 3) and GNU tar, and by the upload
 * validator: round trip, wrong key, tampering, schema validity.
 */
class SecurePackageTest {

    private static final PackageIdentity IDENTITY = new PackageIdentity(new JmixEntity("org:harmony-ee", "Harmony EE"),
            null, List.of(new JmixEntity("org:receiver", null)));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    static Path keys;
    @TempDir
    Path dir;
    private final UploadValidator validator = new UploadValidator(UploadLimits.DEFAULTS, Clock.systemUTC());

    @BeforeAll
    static void generateKeys() throws Exception {
        Openssl.keyPair(keys, "X25519", "recipient");
        Openssl.keyPair(keys, "X25519", "stranger");
        Openssl.keyPair(keys, "ED25519", "signer");
    }

    private static PackageSecurity security(boolean encrypt, boolean sign) throws Exception {
        return new PackageSecurity(encrypt ? KeyFiles.publicKey(keys.resolve("recipient.pub.pem"), "X25519") : null,
                sign ? new ManifestSignature(KeyFiles.privateKey(keys.resolve("signer.pem"), "Ed25519")) : null);
    }

    private static List<TestDataset.Instance> instances() throws Exception {
        return TestDataset.instances().stream().limit(5).toList();
    }

    private Path write(boolean encrypt, boolean sign) throws Exception {
        Path zip = Files.createTempFile(dir, "package", ".zip");
        PackageFiles.write(instances().stream().map(TestDataset.Instance::file).toList(),
                new BuildOptions(IDENTITY, false, false, security(encrypt, sign)), CLOCK, zip);
        return zip;
    }

    private byte[] decrypt(Path zip, String key) throws Exception {
        Path tar = dir.resolve("payload.tar");
        new PayloadDecryptor(KeyFiles.privateKey(keys.resolve(key + ".pem"), "X25519")).decrypt(zip, tar);
        return Files.readAllBytes(tar);
    }

    @Test
    void anEncryptedPackageDecryptsForItsRecipientToTheSameFilesAndHashes() throws Exception {
        Path zip = write(true, false);
        Map<String, byte[]> entries = PackageFiles.entries(zip);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("payload.enc", "audit.json", "manifest.json");
        JsonNode manifest = PackageFiles.json(entries, "manifest.json");
        assertThat(JmixSchemas.errors("manifest.schema.json", manifest)).isEmpty();
        assertThat(JmixSchemas.errors("audit.schema.json", PackageFiles.json(entries, "audit.json"))).isEmpty();
        JsonNode encryption = manifest.path("security").path("encryption");
        assertThat(encryption.path("algorithm").asText()).isEqualTo("AES-256-GCM");
        assertThat(Base64.getDecoder().decode(encryption.path("iv").asText())).hasSize(12);
        assertThat(Base64.getDecoder().decode(encryption.path("auth_tag").asText())).hasSize(16);

        byte[] tar = decrypt(zip, "recipient");
        assertThat(entries.get("payload.enc")).hasSize(tar.length);
        assertThat(manifest.path("security").path("payload_hash").asText()).isEqualTo(PackageFiles.sha256(tar));
        Path out = Files.createDirectories(dir.resolve("extracted"));
        Openssl.ok("tar", "-xf", dir.resolve("payload.tar").toString(), "-C", out.toString());

        List<TestDataset.Instance> instances = instances();
        for (int i = 0; i < instances.size(); i++) {
            Path file = out.resolve(String.format("dicom/%06d_%s.dcm", i + 1, instances.get(i).sopInstanceUid()));
            assertThat(file).hasBinaryContent(Files.readAllBytes(instances.get(i).file()));
        }
        JsonNode files = PackageFiles.MAPPER.readTree(out.resolve("files.json").toFile());
        assertThat(JmixSchemas.errors("files.schema.json", files)).isEmpty();
        assertThat(JmixSchemas.errors("metadata.schema.json",
                PackageFiles.MAPPER.readTree(out.resolve("metadata.json").toFile()))).isEmpty();
        assertThat(files).hasSize(instances.size() + 1);
        for (JsonNode listed : files) {
            assertThat(PackageFiles.sha256(Files.readAllBytes(out.resolve(listed.path("file").asText()))))
                    .as(listed.path("file").asText()).isEqualTo(listed.path("hash").asText());
        }
        assertThat(validator.validate(zip).id()).isEqualTo(manifest.path("id").asText());
    }

    @Test
    void anotherKeyOrAChangedByteDecryptsNothing() throws Exception {
        Path zip = write(true, false);
        assertThatThrownBy(() -> decrypt(zip, "stranger")).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining("does not decrypt with this key");
        try (var left = Files.list(dir)) {
            assertThat(left.map(file -> file.getFileName().toString())).as("nothing decrypted is left")
                    .noneMatch(name -> name.contains("payload.tar"));
        }
        Map<String, byte[]> entries = PackageFiles.entries(zip);
        entries.get("payload.enc")[100] ^= 1;
        assertThatThrownBy(() -> decrypt(zip(entries), "recipient")).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining("does not decrypt with this key");
    }

    @Test
    void opensslDerivesTheSamePayloadKeyFromTheManifest() throws Exception {
        Path zip = write(true, false);
        Map<String, byte[]> entries = PackageFiles.entries(zip);
        JsonNode encryption = PackageFiles.json(entries, "manifest.json").path("security").path("encryption");
        byte[] ephemeral = Base64.getDecoder().decode(encryption.path("ephemeral_public_key").asText());
        Path peer = dir.resolve("ephemeral.pub.pem");
        byte[] spki = HexFormat.of().parseHex("302a300506032b656e032100" + HexFormat.of().formatHex(ephemeral));
        Files.writeString(peer, "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n");
        byte[] shared = Openssl.ok("openssl", "pkeyutl", "-derive", "-inkey", keys.resolve("recipient.pem").toString(),
                "-peerkey", peer.toString());
        String hkdf = Openssl.run("openssl", "kdf", "-keylen", "32", "-kdfopt", "digest:SHA256", "-kdfopt",
                "hexkey:" + HexFormat.of().formatHex(shared), "-kdfopt", "info:JMIX-AES256-GCM", "HKDF").text();
        byte[] key = HexFormat.of().parseHex(hkdf.strip().replace(":", ""));

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(encryption.path("iv").asText())));
        cipher.update(entries.get("payload.enc"));
        assertThat(cipher.doFinal(Base64.getDecoder().decode(encryption.path("auth_tag").asText())))
                .isEqualTo(decrypt(zip, "recipient"));
    }

    @Test
    void aSignedPackageIsSchemaValidAndOpensslVerifiesItsJwsAndAssertion() throws Exception {
        Path zip = write(false, true);
        JmixSchemas.assertValid(Files.readAllBytes(zip));
        Map<String, byte[]> entries = PackageFiles.entries(zip);
        JsonNode manifest = PackageFiles.json(entries, "manifest.json");
        assertThat(manifest.path("security").path("jws").path("jws_file").asText()).isEqualTo("manifest.jws");

        String[] jws = new String(entries.get("manifest.jws"), StandardCharsets.US_ASCII).split("\\.");
        Base64.Decoder url = Base64.getUrlDecoder();
        assertThat(new String(url.decode(jws[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"EdDSA\",\"typ\":\"JWS\",\"crv\":\"Ed25519\"}");
        assertThat(url.decode(jws[1])).isEqualTo(entries.get("manifest.json"));
        assertThat(opensslVerifies((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII), url.decode(jws[2]))).isTrue();

        JsonNode assertion = manifest.path("sender").path("assertion");
        byte[] publicDer = Openssl.ok("openssl", "pkey", "-pubin", "-in", keys.resolve("signer.pub.pem").toString(),
                "-outform", "DER");
        byte[] raw = Arrays.copyOfRange(publicDer, publicDer.length - 32, publicDer.length);
        assertThat(assertion.path("signing_key").path("public_key").asText()).isEqualTo(Base64.getEncoder().encodeToString(raw));
        assertThat(assertion.path("signing_key").path("fingerprint").asText()).isEqualTo("SHA256:"
                + PackageFiles.sha256(raw).substring("sha256:".length()));
        assertThat(assertion.path("signed_fields")).extracting(JsonNode::asText)
                .containsExactly("sender.id", "sender.name", "manifest.id", "timestamp");
        String signedFields = "{\"manifest.id\":\"" + manifest.path("id").asText() + "\",\"sender.id\":\"org:harmony-ee\","
                + "\"sender.name\":\"Harmony EE\",\"timestamp\":\"2026-12-03T10:15:30Z\"}";
        byte[] signature = Base64.getDecoder().decode(assertion.path("signature").asText());
        assertThat(opensslVerifies(signedFields.getBytes(StandardCharsets.UTF_8), signature)).isTrue();
        signature[0] ^= 1;
        assertThat(opensslVerifies(signedFields.getBytes(StandardCharsets.UTF_8), signature)).isFalse();

        assertThat(validator.validate(zip).id()).isEqualTo(manifest.path("id").asText());
    }

    @Test
    void aChangedManifestFileOrSignatureIsRefused() throws Exception {
        Map<String, byte[]> entries = PackageFiles.entries(write(false, true));
        byte[] manifest = entries.get("manifest.json");
        int at = new String(manifest, StandardCharsets.UTF_8).indexOf("org:receiver") + 4;
        assertRefused(entries, "manifest.json", flip(manifest, at), "manifest.jws does not sign this manifest.json");
        String dicom = entries.keySet().stream().filter(name -> name.startsWith("payload/dicom/")).findFirst().orElseThrow();
        assertRefused(entries, dicom, flip(entries.get(dicom), 1000), "does not match");
        byte[] jws = entries.get("manifest.jws");
        assertRefused(entries, "manifest.jws", otherBase64Character(jws, jws.length - 5), "manifest.jws signature does not verify");
        String unsigned = new String(manifest, StandardCharsets.UTF_8).replace("\"Harmony EE\"", "\"Harmony EF\"");
        assertRefused(entries, "manifest.json", unsigned.getBytes(StandardCharsets.UTF_8),
                "sender.assertion signature does not match");
    }

    @Test
    void anExpiredAssertionOrAJwsWithoutKeyIsRefused() throws Exception {
        Map<String, byte[]> entries = PackageFiles.entries(write(false, true));
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        String expired = manifest.replace("\"signed_fields\"", "\"expires_at\" : \"2020-01-01T00:00:00Z\",\n      \"signed_fields\"");
        assertThat(expired).isNotEqualTo(manifest);
        assertRefused(entries, "manifest.json", expired.getBytes(StandardCharsets.UTF_8),
                "sender.assertion expired at 2020-01-01T00:00:00Z");
        JsonNode tree = PackageFiles.MAPPER.readTree(manifest);
        ((ObjectNode) tree.get("sender")).remove("assertion");
        assertRefused(entries, "manifest.json", PackageFiles.MAPPER.writeValueAsBytes(tree),
                "manifest.jws cannot be verified: the sender states no assertion.signing_key");
    }

    @Test
    void anEncryptedSignedPackageIsSchemaValidAndVerified() throws Exception {
        Path zip = write(true, true);
        Map<String, byte[]> entries = PackageFiles.entries(zip);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("payload.enc", "audit.json", "manifest.json", "manifest.jws");
        assertThat(JmixSchemas.errors("manifest.schema.json", PackageFiles.json(entries, "manifest.json"))).isEmpty();
        assertThat(validator.validate(zip).studyInstanceUid()).isNull();
        assertThat(PackageContents.studyInstanceUid(zip)).as("what the store indexes after a restart").isEmpty();
        byte[] manifest = entries.get("manifest.json");
        int at = new String(manifest, StandardCharsets.UTF_8).indexOf("auth_tag") + 14;
        assertRefused(entries, "manifest.json", flip(manifest, at), "manifest.jws does not sign this manifest.json");
    }

    private boolean opensslVerifies(byte[] data, byte[] signature) throws Exception {
        Path in = Files.write(Files.createTempFile(dir, "signed", ".bin"), data);
        Path sig = Files.write(Files.createTempFile(dir, "signature", ".bin"), signature);
        Openssl.Run run = Openssl.run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                keys.resolve("signer.pub.pem").toString(), "-rawin", "-in", in.toString(), "-sigfile", sig.toString());
        return run.exit() == 0 && run.text().contains("Signature Verified Successfully");
    }

    private void assertRefused(Map<String, byte[]> entries, String name, byte[] content, String reason) throws Exception {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(name, content);
        assertThatThrownBy(() -> validator.validate(zip(changed))).as(name).isInstanceOf(PackageRefusedException.class)
                .hasMessageContaining(reason);
    }

    /** Changes one signature character to another of the base64url alphabet, so the JWS stays well-formed. */
    private static byte[] otherBase64Character(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) (copy[at] == 'A' ? 'B' : 'A');
        return copy;
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 1;
        return copy;
    }

    private Path zip(Map<String, byte[]> entries) throws Exception {
        Path zip = Files.createTempFile(dir, "changed", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
            }
        }
        return zip;
    }
}
