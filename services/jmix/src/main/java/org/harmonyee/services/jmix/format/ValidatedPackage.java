package org.harmonyee.services.jmix.format;

/**
 * An uploaded package that passed every check.
 *
 * @param id               its manifest id, lowercase
 * @param studyInstanceUid {@code metadata.studies.study_uid}, or null when it names none
 * @param manifest         its manifest.json bytes as uploaded
 */
public record ValidatedPackage(String id, String studyInstanceUid, byte[] manifest) {
}
