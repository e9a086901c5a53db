package org.harmonyee.services.jmix.format;

/**
 * What a finished package holds, for its index entry and its build log line.
 *
 * @param id               the package id (manifest and metadata), a lowercase UUID
 * @param studyInstanceUid the study of its instances; null when none of them named one
 * @param instances        the DICOM instances in it
 * @param payloadHash      {@code sha256:...}, or null when hashing was skipped
 * @param manifest         the manifest.json bytes as written
 */
public record PackageSummary(String id, String studyInstanceUid, int instances, String payloadHash, byte[] manifest) {
}
