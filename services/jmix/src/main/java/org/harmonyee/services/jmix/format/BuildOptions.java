package org.harmonyee.services.jmix.format;

import java.util.Objects;

/**
 * How a package is written.
 *
 * @param identity    the sender, requester and receivers of the manifest
 * @param skipHashing no {@code hash} in {@code files.json} and no {@code payload_hash} in the manifest
 *                    (both optional in the schemas; sizes stay)
 * @param skipListing {@code files.json} lists {@code metadata.json} only, not the DICOM files
 * @param security    encryption and signing, {@link PackageSecurity#NONE} for neither
 */
public record BuildOptions(PackageIdentity identity, boolean skipHashing, boolean skipListing, PackageSecurity security) {

    public BuildOptions {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(security, "security");
    }

    /** A plain package: neither encrypted nor signed. */
    public BuildOptions(PackageIdentity identity, boolean skipHashing, boolean skipListing) {
        this(identity, skipHashing, skipListing, PackageSecurity.NONE);
    }
}
