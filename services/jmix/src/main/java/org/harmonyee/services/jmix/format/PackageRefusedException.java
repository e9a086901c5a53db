package org.harmonyee.services.jmix.format;

/**
 * An uploaded package that is not stored, with the reason its sender reads. Checked: refusing a
 * package is an outcome the upload route answers (400), not a failure of the gateway.
 */
public final class PackageRefusedException extends Exception {

    public PackageRefusedException(String reason) {
        super(reason);
    }
}
