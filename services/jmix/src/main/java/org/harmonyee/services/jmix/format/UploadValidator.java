package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.harmonyee.services.jmix.crypto.ManifestSignature;
import org.harmonyee.services.jmix.crypto.ManifestVerification;
import org.harmonyee.services.jmix.crypto.PayloadKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.UUID;

/**
 * Checks an uploaded package before anything is stored: the entry rules ({@link EntryNames}), the
 * zip-bomb limits (counted while reading, {@link UploadLimits}), {@code manifest.json} and
 * {@code payload/metadata.json} present at the root and parsing, the same UUID in both, and every
 * hash the package states ({@code security.payload_hash}; {@code hash} and {@code size_bytes} in
 * {@code files.json}) against the bytes. A mismatch is a refusal (stricter than the spec, which only
 * reports it). One pass over the entries, in path order, each hashed as it is read. A signed
 * package's assertions and {@code manifest.jws} must verify ({@link ManifestVerification}); an
 * encrypted one is checked as far as a party without the recipient's key can.
 */
public final class UploadValidator {

    static final String MANIFEST = "manifest.json";
    static final String METADATA = "payload/metadata.json";
    static final String FILES = "payload/files.json";
    private static final String PAYLOAD = "payload/";
    /** The small files read whole: the JSON files and the manifest's JWS. */
    private static final Set<String> SMALL_FILES = Set.of(MANIFEST, METADATA, FILES, "audit.json", ManifestSignature.JWS_FILE);
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** What jmix-rs writes for a payload hash it skipped: no hash stated, not a mismatch. */
    private static final String SKIPPED = "sha256:skipped";

    private final UploadLimits limits;
    private final Clock clock;

    /** @param clock the time a signature's {@code expires_at} is checked against */
    public UploadValidator(UploadLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param zip the uploaded bytes, spooled to a file
     * @throws PackageRefusedException with the reason, for any package that must not be stored
     * @throws IOException             when the file cannot be read (not the uploader's fault)
     */
    public ValidatedPackage validate(Path zip) throws PackageRefusedException, IOException {
        try (ZipFile archive = open(zip)) {
            List<ZipArchiveEntry> entries = Collections.list(archive.getEntries());
            EntryNames.check(entries, limits);
            entries.sort(Comparator.comparing(ZipArchiveEntry::getName));
            Contents contents = read(archive, entries);
            JsonNode manifest = parse(contents, MANIFEST, true);
            try {
                ManifestVerification.verify(contents.json().get(MANIFEST), manifest,
                        contents.json().get(ManifestSignature.JWS_FILE), clock.instant());
            } catch (ManifestVerification.Refused e) {
                throw new PackageRefusedException("the package's signature does not hold: " + e.getMessage());
            }
            return encrypted(contents) ? checkEncrypted(manifest, contents) : check(manifest, contents);
        }
    }

    /** An encrypted package: its payload is {@code payload.enc} (or {@code payload.encrypted}) and nothing under {@code payload/}. */
    private static boolean encrypted(Contents contents) {
        return contents.digests().containsKey(EncryptedPayload.ENTRY) || contents.digests().containsKey(EncryptedPayload.OTHER_ENTRY);
    }

    /**
     * What can be checked without the recipient's key: the manifest's id and receiver, a complete
     * {@code security.encryption}, and no plain payload beside the encrypted one. The payload hash
     * covers the plaintext, so only a recipient can check it.
     */
    private static ValidatedPackage checkEncrypted(JsonNode manifest, Contents contents) throws PackageRefusedException {
        String id = uuid(manifest.path("id"), MANIFEST);
        requireReceiver(manifest);
        if (contents.sizes().keySet().stream().anyMatch(name -> name.startsWith(PAYLOAD))) {
            throw new PackageRefusedException("an encrypted package holds no payload/ folder beside its encrypted payload");
        }
        try {
            PayloadKey.fromJson(manifest.path("security").path("encryption"));
        } catch (GeneralSecurityException e) {
            throw new PackageRefusedException("the package is encrypted but " + e.getMessage());
        }
        parse(contents, "audit.json", false);
        return new ValidatedPackage(id, null, contents.json().get(MANIFEST));
    }

    private static ZipFile open(Path zip) throws PackageRefusedException {
        try {
            return ZipFile.builder().setPath(zip).get();
        } catch (IOException e) {
            throw new PackageRefusedException("not a readable zip archive: " + e.getMessage());
        }
    }

    /** What one pass over the entries found: the JSON files, each payload file's digest and size, the payload hash. */
    private record Contents(Map<String, byte[]> json, Map<String, byte[]> digests, Map<String, Long> sizes,
                            byte[] payloadHash) {
    }

    private Contents read(ZipFile archive, List<ZipArchiveEntry> entries) throws PackageRefusedException, IOException {
        Map<String, byte[]> json = new HashMap<>();
        Map<String, byte[]> digests = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        MessageDigest payload = Sha256.digest();
        LimitedEntryStream.Budget budget = new LimitedEntryStream.Budget(limits);
        for (ZipArchiveEntry entry : entries) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry.getName();
            MessageDigest file = Sha256.digest();
            MessageDigest payloadPart = null;
            if (name.startsWith(PAYLOAD)) {
                payload.update((name.substring(PAYLOAD.length()) + "\n").getBytes(StandardCharsets.UTF_8));
                payloadPart = payload;
            }
            try (InputStream in = new LimitedEntryStream(archive.getInputStream(entry), entry, budget)) {
                HashingOutputStream hashed = new HashingOutputStream(OutputStream.nullOutputStream(), file, payloadPart);
                if (SMALL_FILES.contains(name)) {
                    byte[] bytes = in.readNBytes(UploadLimits.MAX_JSON_BYTES + 1);
                    if (bytes.length > UploadLimits.MAX_JSON_BYTES) {
                        throw new PackageRefusedException(name + " is larger than " + UploadLimits.MAX_JSON_BYTES + " bytes");
                    }
                    hashed.write(bytes, 0, bytes.length);
                    json.put(name, bytes);
                } else {
                    in.transferTo(hashed);
                }
                sizes.put(name, hashed.count());
            } catch (LimitedEntryStream.LimitExceeded e) {
                throw new PackageRefusedException(e.getMessage());
            }
            digests.put(name, file.digest());
        }
        return new Contents(json, digests, sizes, payload.digest());
    }

    private static ValidatedPackage check(JsonNode manifest, Contents contents) throws PackageRefusedException {
        JsonNode metadata = parse(contents, METADATA, true);
        String id = uuid(manifest.path("id"), MANIFEST);
        if (!id.equals(uuid(metadata.path("id"), METADATA))) {
            throw new PackageRefusedException(METADATA + " id " + metadata.path("id").asText()
                    + " is not the manifest's id " + manifest.path("id").asText());
        }
        requireReceiver(manifest);
        JsonNode payloadHash = manifest.path("security").path("payload_hash");
        if (payloadHash.isTextual() && !payloadHash.asText().equals(SKIPPED)
                && !Sha256.matches(payloadHash.asText(), contents.payloadHash())) {
            throw new PackageRefusedException("security.payload_hash " + payloadHash.asText()
                    + " does not match the payload (" + Sha256.label(contents.payloadHash()) + ")");
        }
        JsonNode files = parse(contents, FILES, false);
        if (files != null) {
            checkListing(files, contents);
        }
        parse(contents, "audit.json", false);
        JsonNode studyUid = metadata.path("studies").path("study_uid");
        return new ValidatedPackage(id, studyUid.isTextual() && !studyUid.asText().isBlank() ? studyUid.asText() : null,
                contents.json().get(MANIFEST));
    }

    private static void requireReceiver(JsonNode manifest) throws PackageRefusedException {
        if (!manifest.path("receiver").isArray() || manifest.path("receiver").isEmpty()) {
            throw new PackageRefusedException(MANIFEST + " names no receiver");
        }
    }

    /** Every file files.json lists with a hash or a size is in the payload, with that hash and size. */
    private static void checkListing(JsonNode files, Contents contents) throws PackageRefusedException {
        if (!files.isArray()) {
            throw new PackageRefusedException(FILES + " is not a JSON array");
        }
        for (JsonNode listed : files) {
            String name = PAYLOAD + listed.path("file").asText();
            JsonNode hash = listed.path("hash");
            JsonNode size = listed.path("size_bytes");
            if (!hash.isTextual() && !size.isIntegralNumber()) {
                continue;
            }
            byte[] digest = contents.digests().get(name);
            if (digest == null) {
                throw new PackageRefusedException(FILES + " lists " + name + ", which is not in the zip");
            }
            if (hash.isTextual() && !Sha256.matches(hash.asText(), digest)) {
                throw new PackageRefusedException(name + " does not match its hash in " + FILES);
            }
            if (size.isIntegralNumber() && size.asLong() != contents.sizes().get(name)) {
                throw new PackageRefusedException(name + " is " + contents.sizes().get(name) + " bytes, "
                        + FILES + " says " + size.asLong());
            }
        }
    }

    private static JsonNode parse(Contents contents, String name, boolean required) throws PackageRefusedException {
        byte[] bytes = contents.json().get(name);
        if (bytes == null) {
            if (required) {
                throw new PackageRefusedException(name + " is missing from the zip's root");
            }
            return null;
        }
        try {
            return PackageJson.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new PackageRefusedException(name + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PackageRefusedException(name + " cannot be read: " + e.getMessage());
        }
    }

    private static String uuid(JsonNode id, String file) throws PackageRefusedException {
        if (id.isTextual() && UUID_TEXT.matcher(id.asText()).matches()) {
            return UUID.fromString(id.asText()).toString();
        }
        throw new PackageRefusedException(file + " id must be a UUID, got " + (id.isMissingNode() ? "none" : id.toString()));
    }
}
