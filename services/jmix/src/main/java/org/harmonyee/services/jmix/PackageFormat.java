package org.harmonyee.services.jmix;

import org.harmonyee.core.content.MediaTypes;

import java.util.Optional;

/**
 * How a package is sent: the stored zip, or the same files as a tar.gz. Chosen from {@code Accept}
 * as RFC 9110 has it: each format takes the quality of the most specific range that matches it
 * ({@code application/zip} over {@code application/*} over {@code *}{@code /*}); the higher
 * quality wins, the zip on a tie; no {@code Accept} means the zip.
 */
enum PackageFormat {

    ZIP("application/zip", ".zip"),
    TAR_GZ("application/gzip", ".tar.gz");

    private final String mediaType;
    private final String extension;

    PackageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** The format {@code accept} (the request's Accept values, comma-joined) prefers; empty when it allows none. */
    static Optional<PackageFormat> negotiate(String accept) {
        if (accept.isBlank()) {
            return Optional.of(ZIP);
        }
        double zip = quality(accept, ZIP);
        double tarGz = quality(accept, TAR_GZ);
        if (zip <= 0 && tarGz <= 0) {
            return Optional.empty();
        }
        return Optional.of(tarGz > zip ? TAR_GZ : ZIP);
    }

    /** The quality of the most specific range matching {@code format}; 0 when none does. */
    private static double quality(String accept, PackageFormat format) {
        int specificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String essence = MediaTypes.essence(range);
            int match = essence.equals(format.mediaType) ? 2 : essence.equals("application/*") ? 1 : essence.equals("*/*") ? 0 : -1;
            if (match > specificity) {
                specificity = match;
                quality = qualityOf(range);
            }
        }
        return quality;
    }

    private static double qualityOf(String range) {
        try {
            return MediaTypes.parameter(range, "q").map(Double::parseDouble).orElse(1.0);
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }
}
