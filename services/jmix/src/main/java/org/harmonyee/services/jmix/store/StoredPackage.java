package org.harmonyee.services.jmix.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A package in the store.
 *
 * @param id               its id, a lowercase UUID
 * @param studyInstanceUid the study it holds; null when it names none (an upload may not)
 * @param file             its zip
 * @param sizeBytes        the zip's size
 * @param createdAt        when it was stored
 */
public record StoredPackage(String id, String studyInstanceUid, Path file, long sizeBytes, Instant createdAt) {
}
