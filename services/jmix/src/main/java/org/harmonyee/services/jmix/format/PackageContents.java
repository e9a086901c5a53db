package org.harmonyee.services.jmix.format;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads one JSON file of a stored package (one we wrote or validated), without unpacking the rest. */
public final class PackageContents {

    private PackageContents() {
    }

    /** The package's manifest.json bytes, as stored. */
    public static byte[] manifest(Path zip) throws IOException {
        return entry(zip, UploadValidator.MANIFEST);
    }

    /**
     * {@code metadata.studies.study_uid}, if the package names one; none for an encrypted package,
     * whose metadata only its recipient can read.
     */
    public static Optional<String> studyInstanceUid(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.getEntry(EncryptedPayload.ENTRY) != null || file.getEntry(EncryptedPayload.OTHER_ENTRY) != null) {
                return Optional.empty();
            }
        }
        JsonNode uid = PackageJson.mapper().readTree(entry(zip, UploadValidator.METADATA)).path("studies").path("study_uid");
        return uid.isTextual() && !uid.asText().isBlank() ? Optional.of(uid.asText()) : Optional.empty();
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(name);
            if (entry == null) {
                throw new IOException(zip + " has no " + name);
            }
            try (InputStream in = file.getInputStream(entry)) {
                return in.readNBytes(UploadLimits.MAX_JSON_BYTES);
            }
        }
    }
}
